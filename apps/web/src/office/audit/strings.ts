import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The audit area's strings (verification of the log, replays, dossiers). */
export const STRINGS = defineStrings('officeAudit', { ar, fr, en });
