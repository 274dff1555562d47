import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** A CRI's or agency's area: its organisation and the regional needs it publishes. */
export const STRINGS = defineStrings('officePartner', { ar, fr, en });
