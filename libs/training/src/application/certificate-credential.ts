import { createHash } from 'node:crypto';
import { canonicalJson } from '@tadamon/eventsourcing';
import { Credential, Language, openBadgeCredential } from '@tadamon/credentials';
import { LocalizedText } from '../domain/field-validation';
import { CompletionRule } from '../domain/session/session-plan';
import { CredentialIssuer } from './credential-issuer';
import { TraineeCard } from './training-ports';

/** What a certificate's credential says: the facts of the completion, the same each time. */
export interface CertificateFacts {
  certificateId: string;
  moduleId: string;
  title: LocalizedText;
  description: LocalizedText;
  completionRule: CompletionRule;
  /** The session's close: the credential's validFrom and its proof's created. */
  completedAt: string;
  statusListId: string;
  statusListIndex: number;
  card: TraineeCard;
  /** The session's language, when the trainee has no preferred one. */
  sessionLanguage: Language;
}

/** The credential in both securings, as sealed under the trainee's key. */
export interface IssuedCredential {
  ldp: Credential;
  jwt: string;
}

const criteria = ({ minAttendancePercent: p, feedbackRequired }: CompletionRule) => ({
  fr: `Présence à au moins ${p} % des heures de la session${feedbackRequired ? ' et questionnaire d’évaluation rempli' : ''}.`,
  ar: `حضور ${p} في المائة على الأقل من ساعات الدورة${feedbackRequired ? ' وملء استمارة التقييم' : ''}.`,
  en: `Attendance of at least ${p} % of the session's hours${feedbackRequired ? ' and the feedback form filled in' : ''}.`,
});

/** Each text in every language, French standing in for a missing one. */
const complete = (text: LocalizedText) => ({ fr: text.fr, ar: text.ar ?? text.fr, en: text.en ?? text.fr });

/**
 * Builds and signs the credential of a certificate. Everything in it comes from the facts: the
 * hashed email's salt derives from the certificate id, the proof's date is the completion's, and
 * Ed25519 signatures are deterministic, so the same facts give the same bytes.
 */
export async function signCertificateCredential(
  issuer: CredentialIssuer,
  facts: CertificateFacts,
): Promise<IssuedCredential> {
  const language = facts.card.language ?? facts.sessionLanguage;
  const unsigned = openBadgeCredential({
    id: issuer.credentialUrl(facts.certificateId),
    language,
    issuer: issuer.profile,
    achievement: {
      id: `${issuer.baseUrl}/api/training/modules/${encodeURIComponent(facts.moduleId)}`,
      name: complete(facts.title),
      description: complete(facts.description),
      criteria: criteria(facts.completionRule),
    },
    recipient: {
      name: facts.card.fullName,
      ...(facts.card.email
        ? {
            email: facts.card.email,
            salt: createHash('sha256').update(`salt:${facts.certificateId}`).digest('hex').slice(0, 32),
          }
        : {}),
    },
    validFrom: facts.completedAt,
    status: {
      index: facts.statusListIndex,
      revocationList: issuer.statusListUrl(facts.statusListId, 'revocation'),
      suspensionList: issuer.statusListUrl(facts.statusListId, 'suspension'),
    },
  });
  // The signing libraries hand back objects of their own classes: kept as plain JSON.
  const ldp = JSON.parse(
    JSON.stringify(await issuer.signer.signDataIntegrity(unsigned, { created: facts.completedAt })),
  ) as Credential;
  const jwt = await issuer.signer.signJwt(unsigned);
  return { ldp, jwt };
}

/** The SHA-256 (hex) the certificate's stream records: of the canonical JSON (keys sorted) of {jwt, ldp}. */
export const credentialSha256 = (credential: IssuedCredential): string =>
  createHash('sha256').update(canonicalJson(credential)).digest('hex');
