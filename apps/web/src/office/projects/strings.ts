import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The co-development projects area's strings (projects, their results, the updates queue). */
export const STRINGS = defineStrings('officeProjects', { ar, fr, en });
