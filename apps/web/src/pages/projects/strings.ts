import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The public pages of the co-development projects (map, project, programme). */
export const STRINGS = defineStrings('portalProjects', { ar, fr, en });
