import { DeciderSpecification } from '@tadamon/eventsourcing';
import { NotCreated, ValidationFailed } from '../errors';
import {
  PreferencesCommand,
  PreferencesEvent,
  preferencesDecider,
  settingsOf,
  DEFAULT_PREFERENCES,
} from './preferences';
import { foldEvents } from '@tadamon/eventsourcing';

const spec = DeciderSpecification.for(preferencesDecider);
const now = '2026-05-04T10:00:00.000Z';
const actor = { id: 'user-association', roles: ['association'] };
let n = 0;
const command = <C extends PreferencesCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata: { commandId: `c-${++n}`, actor, now } }) as C;

const settings = {
  recipientId: 'cp-1',
  organisationId: 'assoc-md',
  channels: ['in-app', 'email'] as ('in-app' | 'email')[],
  language: 'ar' as const,
  cadence: 'immediate' as const,
  quietHours: { from: '22:00', to: '07:00' },
};
const set: PreferencesEvent = {
  type: 'PreferencesSet',
  data: { ...settings, channels: ['email', 'in-app'], at: now, by: actor.id },
};

describe('a recipient’s preferences', () => {
  it('are set (channels kept in order), and setting the same again changes nothing', () => {
    spec.when(command('SetPreferences', settings)).then([set]);
    spec
      .given([set])
      .when(command('SetPreferences', { ...settings, channels: ['email', 'in-app'] }))
      .thenNothingHappened();
  });

  it('refuse an unknown channel or language, a repeated channel and quiet hours that are not times', () => {
    const error = spec
      .when(
        command('SetPreferences', {
          ...settings,
          channels: ['email', 'fax', 'email'],
          language: 'de',
          quietHours: { from: '25:00', to: '7h' },
        } as never),
      )
      .thenThrows(ValidationFailed);
    expect(error.issues.map((i) => i.field)).toEqual([
      'channels[1]',
      'channels',
      'quietHours.from',
      'quietHours.to',
      'language',
    ]);
  });

  it('unsubscribe from one category in one click, once, and resubscribe', () => {
    const off: PreferencesEvent = {
      type: 'Unsubscribed',
      data: { recipientId: 'cp-1', category: 'call-matching', at: now, by: actor.id },
    };
    spec.when(command('Unsubscribe', { recipientId: 'cp-1', category: 'call-matching' })).then([off]);
    spec
      .given([off])
      .when(command('Unsubscribe', { recipientId: 'cp-1', category: 'call-matching' }))
      .thenNothingHappened();
    spec
      .given([set, off])
      .when(command('Resubscribe', { recipientId: 'cp-1', category: 'call-matching' }))
      .then([
        {
          type: 'Resubscribed',
          data: { recipientId: 'cp-1', category: 'call-matching', at: now, by: actor.id },
        },
      ]);
    spec.when(command('Resubscribe', { recipientId: 'cp-1', category: 'digest' })).thenThrows(NotCreated);
    const state = foldEvents(preferencesDecider, [off, set]);
    expect(state.unsubscribed).toEqual(['call-matching']);
  });

  it('fall back to the defaults until set', () => {
    expect(settingsOf(preferencesDecider.initialState())).toEqual(DEFAULT_PREFERENCES);
  });
});
