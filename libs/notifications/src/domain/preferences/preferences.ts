import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { isWallClockTime, QuietHours } from '../delivery/quiet-hours';
import { NotCreated } from '../errors';
import { checkId, checkOneOf, FieldIssues, sameJson } from '../field-validation';
import {
  CHANNELS,
  Channel,
  Language,
  LANGUAGES,
  Trigger,
  TRIGGERS,
} from '../notification/notification-messages';

/** Immediately, or gathered into a daily or weekly digest. */
export const CADENCES = ['immediate', 'daily', 'weekly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** What a recipient (a contact person, a user, an organisation as a whole) wants to be told, and how. */
export interface PreferenceSettings {
  channels: Channel[];
  language: Language;
  cadence: Cadence;
  quietHours: QuietHours | null;
}

export type SetPreferences = Command<
  'SetPreferences',
  { recipientId: string; organisationId: string | null } & PreferenceSettings
>;
/** RFC 8058 one-click unsubscribe, per category (a trigger); resubscribing undoes it. */
export type Unsubscribe = Command<'Unsubscribe', { recipientId: string; category: Trigger }>;
export type Resubscribe = Command<'Resubscribe', { recipientId: string; category: Trigger }>;
export type PreferencesCommand = SetPreferences | Unsubscribe | Resubscribe;

type At = { at: string; by: string };
export type PreferencesSet = DomainEvent<'PreferencesSet', SetPreferences['data'] & At>;
export type Unsubscribed = DomainEvent<'Unsubscribed', Unsubscribe['data'] & At>;
export type Resubscribed = DomainEvent<'Resubscribed', Resubscribe['data'] & At>;
export type PreferencesEvent = PreferencesSet | Unsubscribed | Resubscribed;

export type PreferencesState =
  | { status: 'none'; unsubscribed: Trigger[] }
  | ({
      status: 'set';
      recipientId: string;
      organisationId: string | null;
      unsubscribed: Trigger[];
    } & PreferenceSettings);

export const PREFERENCES_CATEGORY = 'notificationPreferences';
export const preferencesStreamName = (recipientId: string): string =>
  streamName(PREFERENCES_CATEGORY, recipientId);

/** Who has set nothing: email, French, at once, no quiet hours (the ministry's working language). */
export const DEFAULT_PREFERENCES: PreferenceSettings = {
  channels: ['email', 'in-app'],
  language: 'fr',
  cadence: 'immediate',
  quietHours: null,
};

const checkSettings = (issues: FieldIssues, data: SetPreferences['data']): PreferenceSettings => {
  const channels = Array.isArray(data.channels) ? data.channels : [];
  if (!Array.isArray(data.channels)) issues.add('channels', 'must be a list of channels');
  channels.forEach((c, i) => checkOneOf(issues, `channels[${i}]`, c, CHANNELS));
  if (new Set(channels).size !== channels.length) issues.add('channels', 'must not repeat a channel');
  const quiet = data.quietHours;
  if (quiet !== null && quiet !== undefined) {
    if (!isWallClockTime(quiet.from)) issues.add('quietHours.from', 'must be a time HH:MM');
    if (!isWallClockTime(quiet.to)) issues.add('quietHours.to', 'must be a time HH:MM');
  }
  return {
    channels: [...channels].sort() as Channel[],
    language: checkOneOf(issues, 'language', data.language, LANGUAGES),
    cadence: checkOneOf(issues, 'cadence', data.cadence, CADENCES),
    quietHours: quiet ? { from: quiet.from, to: quiet.to } : null,
  };
};

export const decidePreferences = (
  command: PreferencesCommand,
  state: PreferencesState,
): PreferencesEvent[] => {
  const { now: at, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const recipientId = checkId(issues, 'recipientId', command.data.recipientId);
  switch (command.type) {
    case 'SetPreferences': {
      const d = command.data;
      const organisationId =
        d.organisationId === null || d.organisationId === undefined
          ? null
          : checkId(issues, 'organisationId', d.organisationId);
      const settings = checkSettings(issues, d);
      issues.throwIfAny();
      if (state.status === 'set') {
        const { channels, language, cadence, quietHours } = state;
        if (
          state.organisationId === organisationId &&
          sameJson({ channels, language, cadence, quietHours }, settings)
        )
          return [];
      }
      return [{ type: 'PreferencesSet', data: { recipientId, organisationId, ...settings, at, by } }];
    }
    case 'Unsubscribe':
    case 'Resubscribe': {
      const category = checkOneOf(issues, 'category', command.data.category, TRIGGERS);
      issues.throwIfAny();
      const off = state.unsubscribed.includes(category);
      if (command.type === 'Unsubscribe')
        return off ? [] : [{ type: 'Unsubscribed', data: { recipientId, category, at, by } }];
      if (state.status === 'none' && !off) throw new NotCreated('notificationPreferences', command.type);
      return off ? [{ type: 'Resubscribed', data: { recipientId, category, at, by } }] : [];
    }
  }
};

export const evolvePreferences = (state: PreferencesState, event: PreferencesEvent): PreferencesState => {
  switch (event.type) {
    case 'PreferencesSet': {
      const { at: _at, by: _by, ...settings } = event.data;
      return { status: 'set', ...settings, unsubscribed: state.unsubscribed };
    }
    case 'Unsubscribed':
      return { ...state, unsubscribed: [...state.unsubscribed, event.data.category].sort() as Trigger[] };
    case 'Resubscribed':
      return { ...state, unsubscribed: state.unsubscribed.filter((c) => c !== event.data.category) };
  }
};

export const preferencesDecider: Decider<PreferencesCommand, PreferencesEvent, PreferencesState> = {
  decide: decidePreferences,
  evolve: evolvePreferences,
  initialState: () => ({ status: 'none', unsubscribed: [] }),
};

/** The settings in force: the recipient's own, else the defaults. */
export const settingsOf = (state: PreferencesState): PreferenceSettings =>
  state.status === 'set'
    ? {
        channels: state.channels,
        language: state.language,
        cadence: state.cadence,
        quietHours: state.quietHours,
      }
    : DEFAULT_PREFERENCES;
