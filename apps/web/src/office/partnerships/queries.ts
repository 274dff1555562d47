import {
  actorsControllerDirectory,
  associationsControllerDirectory,
  partnershipAgreementsControllerGet,
  partnershipAgreementsControllerList,
  supportRequestsControllerGet,
  supportRequestsControllerList,
  type PartnershipAgreementsControllerListData,
  type SupportRequestsControllerListData,
} from '../../api/generated';
import { localizedField, textField } from '../../api/record-fields';
import { revisionOf } from '../../api/revision';
import type { Language } from '../../i18n/languages';

export type AgreementsQuery = NonNullable<PartnershipAgreementsControllerListData['query']>;
export type AgreementStatus = NonNullable<AgreementsQuery['status']>;
export type SupportRequestsQuery = NonNullable<SupportRequestsControllerListData['query']>;
export type SupportRequestStatus = NonNullable<SupportRequestsQuery['status']>;

export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'draft',
  'negotiation',
  'in-force',
  'suspended',
  'completed',
  'terminated',
  'expired',
];
export const SUPPORT_REQUEST_STATUSES: readonly SupportRequestStatus[] = [
  'received',
  'assigned',
  'answered',
  'closed',
  'withdrawn',
];

/** Every query of this area starts with these keys: a command invalidates them. */
export const AGREEMENTS_KEY = ['partnerships', 'agreements'] as const;
export const SUPPORT_KEY = ['partnerships', 'support-requests'] as const;

export const agreementsQuery = (query: AgreementsQuery) => ({
  queryKey: [...AGREEMENTS_KEY, 'list', query] as const,
  queryFn: async () => (await partnershipAgreementsControllerList({ query, throwOnError: true })).data,
});

export const agreementQuery = (agreementId: string) => ({
  queryKey: [...AGREEMENTS_KEY, agreementId] as const,
  queryFn: async () => {
    const { data, response } = await partnershipAgreementsControllerGet({
      path: { agreementId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

export const supportRequestsQuery = (query: SupportRequestsQuery) => ({
  queryKey: [...SUPPORT_KEY, 'list', query] as const,
  queryFn: async () => (await supportRequestsControllerList({ query, throwOnError: true })).data,
});

export const supportRequestQuery = (requestId: string) => ({
  queryKey: [...SUPPORT_KEY, requestId] as const,
  queryFn: async () => {
    const { data, response } = await supportRequestsControllerGet({
      path: { requestId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

/** The Registry's associations and actors (ministry, agencies, CRIs, funders), to name the parties. */
export const registryNamesQuery = {
  queryKey: ['registry', 'partnerships-party-names'] as const,
  queryFn: async () => {
    const [associations, actors] = await Promise.all([
      associationsControllerDirectory({ query: { pageSize: 100 }, throwOnError: true }),
      actorsControllerDirectory({ query: { pageSize: 100 }, throwOnError: true }),
    ]);
    return [...associations.data.items, ...actors.data.items];
  },
  staleTime: 5 * 60_000,
};

/** A Registry id's name in the reader's language (the id itself while names load or when unknown). */
export const nameIn =
  (records: readonly { [key: string]: unknown }[] | undefined, language: Language) =>
  (id: string): string => {
    const found = records?.find((r) => (textField(r, 'associationId') ?? textField(r, 'actorId')) === id);
    return (found && (localizedField(found, 'names', language) ?? textField(found, 'name'))) || id;
  };
