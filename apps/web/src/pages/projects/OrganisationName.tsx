import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiRecord, localizedField, recordField, textField } from '../../api/record-fields';
import type { Language } from '../../i18n/languages';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { organisationQuery } from './queries';

/** A Registry organisation's name as the directory shows it (with its acronym); its id until known. */
export function useOrganisationName(id: string): string {
  const { language } = usePreferences();
  const { data } = useQuery(organisationQuery(id));
  return nameOf(id, data, language);
}

/** The names of several organisations, in the order of their ids. */
export function useOrganisationNames(ids: readonly string[]): string[] {
  const { language } = usePreferences();
  const answers = useQueries({ queries: ids.map(organisationQuery) });
  return ids.map((id, i) => nameOf(id, answers[i]?.data, language));
}

// An actor answers its names at the top; an association in its profile.
function nameOf(id: string, answer: ApiRecord | null | undefined, language: Language): string {
  if (!answer) return id;
  const data = recordField(answer, 'profile') ?? answer;
  const name = localizedField(data, 'names', language) ?? id;
  const acronym = textField(data, 'acronym');
  return acronym ? `${name} (${acronym})` : name;
}

export function OrganisationName({ id }: { id: string }) {
  return <>{useOrganisationName(id)}</>;
}
