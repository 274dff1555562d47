import { PreferencesState, settingsOf } from '../preferences/preferences';
import { Channel, SkipReason, Trigger } from '../notification/notification-messages';
import { quietHoursEnd } from './quiet-hours';

export type Routing = { send: true } | { skip: SkipReason } | { deferUntil: string };

/** What the recipient's person record says: consent to be contacted, or erased. */
export interface RecipientStanding {
  erased: boolean;
  consented: boolean;
}

/**
 * Whether one notification goes out now, waits for the quiet hours to end, or is skipped, and why:
 * erased and no consent first (never sent), then an unsubscribed category, a channel not chosen, the
 * digest cadence (the digest itself is never held for a digest), and the quiet hours (the in-app
 * inbox is silent, so it is not held). Webhooks are machine to machine: no consent or quiet hours.
 */
export const route = (
  trigger: Trigger,
  channel: Channel,
  preferences: PreferencesState,
  standing: RecipientStanding | null,
  now: string,
): Routing => {
  if (channel !== 'webhook' && standing) {
    if (standing.erased) return { skip: 'erased' };
    if (!standing.consented) return { skip: 'no-consent' };
  }
  if (preferences.unsubscribed.includes(trigger)) return { skip: 'unsubscribed' };
  const settings = settingsOf(preferences);
  if (channel !== 'webhook' && !settings.channels.includes(channel)) return { skip: 'channel-not-set-up' };
  if (channel === 'email' && trigger !== 'digest' && settings.cadence !== 'immediate')
    return { skip: 'in-digest' };
  if (channel === 'email') {
    const until = quietHoursEnd(now, settings.quietHours);
    if (until) return { deferUntil: until };
  }
  return { send: true };
};
