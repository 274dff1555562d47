import { describe, expect, it } from 'vitest';
import { profileChanges, profileFormOf } from './profile-form';

describe('the profile form', () => {
  it('reads host cities one a line and sends them back as country and name', () => {
    const form = profileFormOf({
      profile: {
        names: { fr: 'Migrations et Développement', ar: 'الهجرة والتنمية' },
        acronym: 'M&D',
        hostCities: [
          { country: 'FR', name: 'Marseille' },
          { country: 'FR', name: 'Aix en Provence' },
        ],
        sectors: ['14030'],
        membersCount: null,
        website: null,
      },
    });
    expect(form.hostCities).toBe('FR Marseille\nFR Aix en Provence');
    expect(profileChanges({ ...form, hostCities: `${form.hostCities}\n\n be Bruxelles ` })).toEqual({
      names: { fr: 'Migrations et Développement', ar: 'الهجرة والتنمية' },
      acronym: 'M&D',
      website: null,
      membersCount: null,
      hostCities: [
        { country: 'FR', name: 'Marseille' },
        { country: 'FR', name: 'Aix en Provence' },
        { country: 'BE', name: 'Bruxelles' },
      ],
      sectors: ['14030'],
    });
  });

  it('reads a members count in Latin or Arabic-Indic digits, clears it when blank, never sends what is not one', () => {
    const form = profileFormOf({ profile: { names: { fr: 'A' }, membersCount: 12 } });
    expect(form.membersCount).toBe('12');
    expect(profileChanges({ ...form, membersCount: '40' }).membersCount).toBe(40);
    expect(profileChanges({ ...form, membersCount: '٤٠' }).membersCount).toBe(40);
    expect(profileChanges({ ...form, membersCount: '' }).membersCount).toBeNull();
    expect(profileChanges({ ...form, membersCount: 'quarante' })).not.toHaveProperty('membersCount');
  });
});
