import { DomainEvent } from '@tadamon/eventsourcing';
import { CertificateIssuance, RevocationReason, SealedCredential } from './certificate-commands';

type Id = { certificateId: string };
/** Where the certificate's status bits are: a status change's process sets them from here. */
type StatusEntry = { statusListId: string; statusListIndex: number };

export type CertificateIssued = DomainEvent<
  'CertificateIssued',
  { issuance: CertificateIssuance; sealedCredential: SealedCredential; issuedAt: string; by: string }
>;
export type CertificateSuspended = DomainEvent<
  'CertificateSuspended',
  Id & StatusEntry & { reason: string; suspendedAt: string; by: string }
>;
export type CertificateReinstated = DomainEvent<
  'CertificateReinstated',
  Id & StatusEntry & { reinstatedAt: string; by: string }
>;
export type CertificateRevoked = DomainEvent<
  'CertificateRevoked',
  Id & StatusEntry & { reason: RevocationReason; revokedAt: string; by: string }
>;

export type CertificateEvent =
  CertificateIssued | CertificateSuspended | CertificateReinstated | CertificateRevoked;
