import { defineStrings } from '../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The back office's shared strings: the workspace, the areas' names, the forms' common texts. */
export const STRINGS = defineStrings('office', { ar, fr, en });
