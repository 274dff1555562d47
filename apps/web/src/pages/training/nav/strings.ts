import { defineStrings } from '../../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/**
 * The training's link in the header and on the home page: a bundle of its own, so that the shell
 * carries three short strings and not the training pages' bundle.
 */
export const STRINGS = defineStrings('portalTrainingNav', { ar, fr, en });
