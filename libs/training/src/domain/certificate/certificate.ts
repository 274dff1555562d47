import { Actor, Decider, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated } from '../errors';
import { checkId, checkOneOf, checkText, FieldIssues, MAX_LONG_TEXT, sameJson } from '../field-validation';
import { CertificateCommand, REVOCATION_CODES } from './certificate-commands';
import { CertificateRevocationIsFinal, NotAllowedToCertify } from './certificate-errors';
import { CertificateEvent } from './certificate-events';
import { checkIssuance, checkSealedCredential } from './certificate-issuance';
import {
  Certificate,
  CertificateState,
  evolveCertificate,
  initialCertificateState,
} from './certificate-state';

/** One stream per certificate; its id is the suffix of the credential's id. */
export const CERTIFICATE_CATEGORY = 'trainingCertificate';
export const certificateStreamName = (certificateId: string): string =>
  streamName(CERTIFICATE_CATEGORY, certificateId);

/**
 * Who issues and changes certificates: a training officer, or the platform's own processes
 * (issuance on completion, revocation when a completion is annulled).
 */
export const CERTIFYING_ROLES: readonly string[] = ['officer', 'system'];

const requireCertifier = (actor: Actor, command: string): void => {
  if (!actor.roles.some((role) => CERTIFYING_ROLES.includes(role)))
    throw new NotAllowedToCertify(actor.id, command);
};

const requireNotRevoked = (state: Certificate, command: string): void => {
  if (state.revocation)
    throw new CertificateRevocationIsFinal(state.certificateId, state.revocation.revokedAt, command);
};

export const decideCertificate = (
  command: CertificateCommand,
  state: CertificateState,
): CertificateEvent[] => {
  const { now, actor } = command.metadata;
  requireCertifier(actor, command.type);
  const issues = new FieldIssues();
  if (command.type === 'IssueCertificate') {
    const issuance = checkIssuance(issues, command.data, now);
    const sealedCredential = checkSealedCredential(issues, command.data.sealedCredential);
    issues.throwIfAny();
    if (state.status === 'none')
      return [
        { type: 'CertificateIssued', data: { issuance, sealedCredential, issuedAt: now, by: actor.id } },
      ];
    // The same credential (same digest) sealed again differs by its IV only: the same issuance.
    if (sameJson(issuance, state.issuance)) return [];
    throw new AlreadyCreated(CERTIFICATE_CATEGORY, issuance.certificateId);
  }
  const certificateId = checkId(issues, 'certificateId', command.data.certificateId);
  if (state.status === 'none') {
    issues.throwIfAny();
    throw new NotCreated(CERTIFICATE_CATEGORY, command.type);
  }
  if (certificateId !== state.certificateId)
    issues.add('certificateId', `must be ${state.certificateId}, the certificate of this stream`);
  const entry = {
    certificateId,
    statusListId: state.issuance.statusListId,
    statusListIndex: state.issuance.statusListIndex,
  };
  switch (command.type) {
    case 'SuspendCertificate': {
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      requireNotRevoked(state, command.type);
      if (state.status === 'suspended') return [];
      return [{ type: 'CertificateSuspended', data: { ...entry, reason, suspendedAt: now, by: actor.id } }];
    }
    case 'ReinstateCertificate': {
      issues.throwIfAny();
      requireNotRevoked(state, command.type);
      if (state.status === 'active') return [];
      return [{ type: 'CertificateReinstated', data: { ...entry, reinstatedAt: now, by: actor.id } }];
    }
    case 'RevokeCertificate': {
      const input = (command.data.reason ?? {}) as Record<string, unknown>;
      if (typeof command.data.reason !== 'object' || command.data.reason === null)
        issues.add('reason', 'must be an object with code and text');
      const code = checkOneOf(issues, 'reason.code', input['code'], REVOCATION_CODES);
      const text = checkText(issues, 'reason.text', input['text'], MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'revoked') return [];
      return [
        {
          type: 'CertificateRevoked',
          data: { ...entry, reason: { code, text }, revokedAt: now, by: actor.id },
        },
      ];
    }
  }
};

export const certificateDecider: Decider<CertificateCommand, CertificateEvent, CertificateState> = {
  decide: decideCertificate,
  evolve: evolveCertificate,
  initialState: initialCertificateState,
};
