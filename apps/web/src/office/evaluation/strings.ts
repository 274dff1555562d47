import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The evaluator's area: assignments, declaration, dossier, score sheet. */
export const STRINGS = defineStrings('officeEvaluation', { ar, fr, en });
