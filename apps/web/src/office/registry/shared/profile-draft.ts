import {
  ApiRecord,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import type { LocalizedTextValue } from '../../forms/LocalizedTextInputs';
import { localizedBody } from '../../forms/LocalizedTextInputs';

/** An association's profile as the form edits it: lists as the officer types them. */
export interface ProfileDraft {
  names: LocalizedTextValue;
  acronym: string;
  /** ISO 3166-1 codes, chosen by name. */
  hostCountries: string[];
  /** One city a line: "FR, Lyon". */
  hostCities: string;
  /** Province codes (2015 scheme), chosen by name. */
  originProvinces: string[];
  /** OECD DAC purpose codes, chosen by name. */
  sectors: string[];
  membersCount: string;
  website: string;
}

export const EMPTY_PROFILE: ProfileDraft = {
  names: {},
  acronym: '',
  hostCountries: [],
  hostCities: '',
  originProvinces: [],
  sectors: [],
  membersCount: '',
  website: '',
};

export const PROVINCE_SCHEME = 'iso3166-2:2015';

/** "FR, Lyon" a line; null when a line is not a country code, a comma and a city. */
export function parseHostCities(text: string): { country: string; name: string }[] | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const cities: { country: string; name: string }[] = [];
  for (const line of lines) {
    const match = /^([A-Za-z]{2})\s*[,:]\s*(\S.*)$/.exec(line);
    if (!match) return null;
    cities.push({ country: match[1].toUpperCase(), name: match[2].trim() });
  }
  return cities;
}

/** A whole number as typed (Latin or Arabic-Indic digits), null when it is not one, '' when blank. */
export function parseCount(text: string): number | null | '' {
  const latin = text.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (latin === '') return '';
  return /^-?\d{1,9}$/.test(latin) ? Number(latin) : null;
}

/** What the officer typed that the form itself cannot send (each by the pointer of its field). */
export function draftProblems(draft: ProfileDraft): Record<string, 'hostCities' | 'count'> {
  const problems: Record<string, 'hostCities' | 'count'> = {};
  if (parseHostCities(draft.hostCities) === null) problems['/profile/hostCities'] = 'hostCities';
  if (parseCount(draft.membersCount) === null) problems['/profile/membersCount'] = 'count';
  return problems;
}

/**
 * The profile as the API takes it. `changes` (an edit) sends cleared optional fields as null and
 * every list as it now is; a registration leaves blank fields out.
 */
export function profileBody(draft: ProfileDraft, mode: 'register' | 'changes'): Record<string, unknown> {
  const blank = mode === 'changes' ? null : undefined;
  const count = parseCount(draft.membersCount);
  const body: Record<string, unknown> = {
    names: localizedBody(draft.names),
    acronym: draft.acronym.trim() || blank,
    hostCountries: draft.hostCountries,
    hostCities: parseHostCities(draft.hostCities) ?? [],
    originProvinces: draft.originProvinces.map((code) => ({ scheme: PROVINCE_SCHEME, code })),
    sectors: draft.sectors,
    membersCount: count === '' || count === null ? blank : count,
    website: draft.website.trim() || blank,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** The form's starting point from an association's record (GET /associations/:id). */
export function draftOf(record: ApiRecord): ProfileDraft {
  const profile = recordField(record, 'profile') ?? {};
  const names = recordField(profile, 'names') ?? {};
  const members = profile['membersCount'];
  return {
    names: { fr: textField(names, 'fr'), ar: textField(names, 'ar'), en: textField(names, 'en') },
    acronym: textField(profile, 'acronym') ?? '',
    hostCountries: textListField(profile, 'hostCountries'),
    hostCities: recordListField(profile, 'hostCities')
      .map((city) => `${textField(city, 'country') ?? ''}, ${textField(city, 'name') ?? ''}`)
      .join('\n'),
    originProvinces: recordListField(profile, 'originProvinces').flatMap((province) => {
      const code = textField(province, 'code');
      return code ? [code] : [];
    }),
    sectors: textListField(profile, 'sectors'),
    membersCount: typeof members === 'number' ? String(members) : '',
    website: textField(profile, 'website') ?? '',
  };
}
