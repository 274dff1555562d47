import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The association's own area: its profile, its applications, their follow-up. */
export const STRINGS = defineStrings('officeAssociation', { ar, fr, en });
