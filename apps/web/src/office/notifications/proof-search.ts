import { readSearch, writeSearch, type ListSearch } from '../../pages/shared/search-params';
import { CHANNELS, type Channel, type ProofQuery } from './queries';

export interface ProofSearch extends ListSearch {
  organisationId?: string;
  subjectId?: string;
  channel?: Channel;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const CHANNEL = new RegExp(`^(${CHANNELS.join('|')})$`);

/** The proof's filters from the address (an id of the API's shape, a known channel; else left out). */
export const readProofSearch = (params: URLSearchParams): ProofSearch =>
  readSearch<ProofSearch>(params, { organisationId: ID, subjectId: ID, channel: CHANNEL });

export const writeProofSearch = (search: ProofSearch): URLSearchParams => writeSearch(search);

export const toProofQuery = (search: ProofSearch): ProofQuery => ({
  page: search.page,
  pageSize: 20,
  ...(search.organisationId && { organisationId: search.organisationId }),
  ...(search.subjectId && { subjectId: search.subjectId }),
  ...(search.channel && { channel: search.channel }),
});
