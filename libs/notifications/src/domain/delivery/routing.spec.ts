import { foldEvents } from '@tadamon/eventsourcing';
import { PreferencesEvent, preferencesDecider } from '../preferences/preferences';
import { route } from './routing';

const at = '2026-05-04T10:00:00.000Z';
const by = 'user-association';
const preferences = (settings: Partial<Record<string, unknown>> = {}, unsubscribed: string[] = []) =>
  foldEvents(preferencesDecider, [
    {
      type: 'PreferencesSet',
      data: {
        recipientId: 'cp-1',
        organisationId: 'assoc-md',
        channels: ['email', 'in-app'],
        language: 'fr',
        cadence: 'immediate',
        quietHours: { from: '22:00', to: '07:00' },
        at,
        by,
        ...settings,
      },
    } as PreferencesEvent,
    ...unsubscribed.map(
      (category) =>
        ({ type: 'Unsubscribed', data: { recipientId: 'cp-1', category, at, by } }) as PreferencesEvent,
    ),
  ]);
const ok = { erased: false, consented: true };
const noon = '2026-05-04T11:00:00Z';

describe('routing one notification', () => {
  it('sends at once by default, and during the day', () => {
    expect(route('grant-awarded', 'email', preferencesDecider.initialState(), ok, noon)).toEqual({
      send: true,
    });
    expect(route('grant-awarded', 'email', preferences(), ok, noon)).toEqual({ send: true });
  });

  it('never sends to an erased person or one without consent, whatever the preferences', () => {
    expect(route('grant-awarded', 'email', preferences(), { erased: true, consented: true }, noon)).toEqual({
      skip: 'erased',
    });
    expect(
      route('grant-awarded', 'in-app', preferences(), { erased: false, consented: false }, noon),
    ).toEqual({
      skip: 'no-consent',
    });
  });

  it('skips an unsubscribed category, a channel not chosen, and an email kept for the digest', () => {
    expect(route('call-matching', 'email', preferences({}, ['call-matching']), ok, noon)).toEqual({
      skip: 'unsubscribed',
    });
    expect(route('grant-awarded', 'in-app', preferences({ channels: ['email'] }), ok, noon)).toEqual({
      skip: 'channel-not-set-up',
    });
    expect(route('need-matching', 'email', preferences({ cadence: 'weekly' }), ok, noon)).toEqual({
      skip: 'in-digest',
    });
    expect(route('digest', 'email', preferences({ cadence: 'weekly' }), ok, noon)).toEqual({ send: true });
  });

  it('holds an email during the quiet hours, not the silent in-app inbox nor a webhook', () => {
    const night = '2026-05-04T22:30:00Z';
    expect(route('grant-awarded', 'email', preferences(), ok, night)).toEqual({
      deferUntil: '2026-05-05T06:00:00.000Z',
    });
    expect(route('grant-awarded', 'in-app', preferences(), ok, night)).toEqual({ send: true });
    expect(route('grant-awarded', 'webhook', preferences(), null, night)).toEqual({ send: true });
  });
});
