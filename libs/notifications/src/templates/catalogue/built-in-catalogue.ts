import type { TemplateCatalogue } from '../template-catalogue';
import {
  APPLICATION_ELIGIBLE,
  APPLICATION_INELIGIBLE,
  APPLICATION_RECEIVED,
  APPLICATION_REJECTED,
  GRANT_AWARDED,
} from './application-triggers';
import { CALL_MATCHING, DIGEST, NEED_MATCHING } from './matching-and-digest';
import { AGREEMENT_AMENDED, AGREEMENT_SIGNED, TRANCHE_RELEASED } from './partnership-triggers';
import { CERTIFICATE_ISSUED, ENROLMENT_CONFIRMED, SESSION_REMINDER } from './training-triggers';

/** Every trigger's template, in Arabic, French and English. */
export const BUILT_IN_CATALOGUE: TemplateCatalogue = {
  'application-received': APPLICATION_RECEIVED,
  'application-eligible': APPLICATION_ELIGIBLE,
  'application-ineligible': APPLICATION_INELIGIBLE,
  'grant-awarded': GRANT_AWARDED,
  'application-rejected': APPLICATION_REJECTED,
  'tranche-released': TRANCHE_RELEASED,
  'agreement-signed': AGREEMENT_SIGNED,
  'agreement-amended': AGREEMENT_AMENDED,
  'enrolment-confirmed': ENROLMENT_CONFIRMED,
  'session-reminder': SESSION_REMINDER,
  'certificate-issued': CERTIFICATE_ISSUED,
  'call-matching': CALL_MATCHING,
  'need-matching': NEED_MATCHING,
  digest: DIGEST,
};
