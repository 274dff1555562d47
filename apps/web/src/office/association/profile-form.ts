import type { AssociationProfileChangesDto, HostCityDto } from '../../api/generated';
import {
  ApiRecord,
  numberField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { localizedBody, LocalizedTextValue } from '../forms/LocalizedTextInputs';
import { isSectorCode } from './sector-codes';

export interface ProfileForm {
  names: LocalizedTextValue;
  acronym: string;
  website: string;
  membersCount: string;
  /** One city a line: "FR Marseille". */
  hostCities: string;
  sectors: string[];
}

/** The form, from the association's record (its `profile`). */
export function profileFormOf(association: ApiRecord): ProfileForm {
  const profile = recordField(association, 'profile') ?? {};
  const names = recordField(profile, 'names') ?? {};
  const members = numberField(profile, 'membersCount');
  return {
    names: { fr: textField(names, 'fr'), ar: textField(names, 'ar'), en: textField(names, 'en') },
    acronym: textField(profile, 'acronym') ?? '',
    website: textField(profile, 'website') ?? '',
    membersCount: members === undefined ? '' : String(members),
    hostCities: recordListField(profile, 'hostCities')
      .map((city) => `${textField(city, 'country') ?? ''} ${textField(city, 'name') ?? ''}`.trim())
      .join('\n'),
    sectors: textListField(profile, 'sectors'),
  };
}

/**
 * The changes as the API takes them. A line that is not "country name" is sent as typed, for the
 * platform to name it (`/hostCities/1/country`).
 */
export function profileChanges(form: ProfileForm): AssociationProfileChangesDto {
  const hostCities = form.hostCities
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [country, ...name] = line.split(/\s+/);
      return { country: country.toUpperCase() as HostCityDto['country'], name: name.join(' ') };
    });
  const members = form.membersCount
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  return {
    names: localizedBody(form.names),
    acronym: form.acronym.trim() || null,
    website: form.website.trim() || null,
    // The input's pattern lets only digits through; anything else leaves the count unchanged.
    ...(/^\d*$/.test(members) && { membersCount: members === '' ? null : Number(members) }),
    hostCities,
    sectors: form.sectors.filter(isSectorCode),
  };
}

export const PROFILE_POINTERS = ['/acronym', '/website', '/membersCount', '/hostCities', '/sectors'];
