import { defineStrings } from '../../i18n/strings';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The officer's Funding area: envelopes, calls, application boards, agreements and tranches. */
export const STRINGS = defineStrings('officeFunding', { ar, fr, en });
