import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf } from './preferences-form';

const DEFAULTS = {
  recipientId: 'user-association',
  channels: ['email', 'in-app'],
  language: 'fr',
  cadence: 'immediate',
  quietHours: null,
  unsubscribed: [],
  isDefault: true,
  revision: -1,
};

describe('the preferences form', () => {
  it('starts from the settings in force and sends them back unchanged', () => {
    const draft = draftOf(DEFAULTS);
    expect(draft).toMatchObject({
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'immediate',
      quiet: false,
    });
    expect(bodyOf(draft, DEFAULTS)).toEqual({
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'immediate',
      quietHours: null,
    });
  });

  it('sends quiet hours only when chosen, as typed', () => {
    const draft = { ...draftOf(DEFAULTS), quiet: true, from: '22:30', to: '07:00', language: 'ar' as const };
    expect(bodyOf(draft, DEFAULTS)).toMatchObject({
      language: 'ar',
      quietHours: { from: '22:30', to: '07:00' },
    });
  });

  it('reads quiet hours already set, and keeps a webhook channel a person cannot see in the form', () => {
    const record = {
      ...DEFAULTS,
      channels: ['webhook', 'email'],
      quietHours: { from: '21:00', to: '08:00' },
    };
    const draft = draftOf(record);
    expect(draft).toMatchObject({ channels: ['email'], quiet: true, from: '21:00', to: '08:00' });
    expect(bodyOf({ ...draft, channels: [] }, record).channels).toEqual(['webhook']);
  });
});
