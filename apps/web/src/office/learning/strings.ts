import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Training for a trainee (enrolments, attendance, certificates) and for an association (its people). */
export const STRINGS = defineStrings('officeLearning', { ar, fr, en });
