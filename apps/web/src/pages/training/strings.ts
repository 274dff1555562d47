import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The public training pages (catalogue, session, check-in, verification). */
export const STRINGS = defineStrings('portalTraining', { ar, fr, en });
