import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The selection committee's area: calls to decide, ranking, decisions, appeals. */
export const STRINGS = defineStrings('officeCommittee', { ar, fr, en });
