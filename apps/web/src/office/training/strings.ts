import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The training desk: a trainer's sessions, attendance and check-in QR; the officer's sessions and certificates. */
export const STRINGS = defineStrings('officeTraining', { ar, fr, en });
