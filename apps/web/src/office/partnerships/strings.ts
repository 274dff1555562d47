import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** Partnership agreements (versions, signatures, lifecycle) and the mediation of support requests. */
export const STRINGS = defineStrings('officePartnerships', { ar, fr, en });
