import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The officer's Registry: verification queue, association records, contacts, actors, networks, needs. */
export const STRINGS = defineStrings('officeRegistry', { ar, fr, en });
