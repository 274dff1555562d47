import { describe, expect, it } from 'vitest';
import {
  draftOf,
  draftProblems,
  EMPTY_PROFILE,
  parseCount,
  parseHostCities,
  profileBody,
} from './profile-draft';

describe('the association profile form', () => {
  it('reads one host city a line as country, comma, city; a line without a country is not read', () => {
    expect(parseHostCities('fr, Lyon\n\nBE: Bruxelles ')).toEqual([
      { country: 'FR', name: 'Lyon' },
      { country: 'BE', name: 'Bruxelles' },
    ]);
    expect(parseHostCities('Lyon')).toBeNull();
  });

  it('reads a members count in Latin or Arabic-Indic digits, and nothing else', () => {
    expect(parseCount('40')).toBe(40);
    expect(parseCount('٤٠')).toBe(40);
    expect(parseCount('-5')).toBe(-5);
    expect(parseCount(' ')).toBe('');
    expect(parseCount('forty')).toBeNull();
    expect(draftProblems({ ...EMPTY_PROFILE, membersCount: '4.5', hostCities: 'Lyon' })).toEqual({
      '/profile/membersCount': 'count',
      '/profile/hostCities': 'hostCities',
    });
  });

  it('registers with blank fields left out, and edits with them cleared (null)', () => {
    const draft = {
      ...EMPTY_PROFILE,
      names: { fr: ' Amis de Tiznit ', ar: '' },
      hostCountries: ['FR'],
      originProvinces: ['MA-TIZ'],
      sectors: ['14030'],
    };
    expect(profileBody(draft, 'register')).toEqual({
      names: { fr: 'Amis de Tiznit' },
      hostCountries: ['FR'],
      hostCities: [],
      originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }],
      sectors: ['14030'],
    });
    expect(profileBody(draft, 'changes')).toMatchObject({ acronym: null, membersCount: null, website: null });
  });

  it('starts an edit from the record as the API gives it, and sends back what it read', () => {
    const record = {
      associationId: 'assoc-amis-tiznit',
      profile: {
        names: { fr: 'Amis de Tiznit', ar: 'أصدقاء تيزنيت' },
        acronym: 'ADT',
        hostCountries: ['FR', 'BE'],
        hostCities: [{ country: 'FR', name: 'Lyon' }],
        originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }],
        sectors: ['14030'],
        membersCount: 40,
        website: 'https://example.org',
      },
    };
    const draft = draftOf(record);
    expect(draft).toMatchObject({ hostCountries: ['FR', 'BE'], hostCities: 'FR, Lyon', membersCount: '40' });
    expect(profileBody(draft, 'changes')).toEqual({
      ...record.profile,
      names: { fr: 'Amis de Tiznit', ar: 'أصدقاء تيزنيت' },
    });
  });
});
