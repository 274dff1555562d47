import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The inbox, one's preferences, an organisation's webhook endpoints and the proof of notice. */
export const STRINGS = defineStrings('officeNotifications', { ar, fr, en });
