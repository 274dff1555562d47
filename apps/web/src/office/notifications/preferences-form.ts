import type { PreferencesDto } from '../../api/generated';
import { recordField, textField, textListField, type ApiRecord } from '../../api/record-fields';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { CADENCES, PERSON_CHANNELS, type Cadence, type Channel } from './queries';

export interface PreferencesDraft {
  channels: Channel[];
  language: Language;
  cadence: Cadence;
  quiet: boolean;
  from: string;
  to: string;
}

const QUIET_DEFAULT = { from: '21:00', to: '08:00' };

/** The form's starting values: what the platform has in force (its defaults until set). */
export function draftOf(record: ApiRecord): PreferencesDraft {
  const language = LANGUAGES.find((l) => l === textField(record, 'language')) ?? 'fr';
  const cadence = CADENCES.find((c) => c === textField(record, 'cadence')) ?? 'immediate';
  const quietHours = recordField(record, 'quietHours');
  return {
    channels: PERSON_CHANNELS.filter((c) => textListField(record, 'channels').includes(c)),
    language,
    cadence,
    quiet: !!quietHours,
    from: (quietHours && textField(quietHours, 'from')) || QUIET_DEFAULT.from,
    to: (quietHours && textField(quietHours, 'to')) || QUIET_DEFAULT.to,
  };
}

/**
 * The PUT's body. A person's channels are email and in-app only; a webhook channel the record
 * already had (an organisation's recipient set up by an officer) is kept, never dropped unseen.
 * The platform validates the times (HH:MM); the form sends what was typed.
 */
export function bodyOf(draft: PreferencesDraft, record: ApiRecord): PreferencesDto {
  const kept = textListField(record, 'channels').includes('webhook') ? (['webhook'] as const) : [];
  return {
    channels: [...draft.channels, ...kept],
    language: draft.language,
    cadence: draft.cadence,
    quietHours: draft.quiet ? { from: draft.from, to: draft.to } : null,
  };
}
