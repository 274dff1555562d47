import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { statusListCredential, StatusPurpose } from '@tadamon/credentials';
import { CertificateDoc, TRAINING_CERTIFICATES } from '../projections/certificates';
import { CredentialIssuer } from './credential-issuer';
import { TRAINING_CREDENTIAL_ISSUER } from './credential-ports';
import { TrainingCommands } from './training-commands';
import { TRAINING_READ_MODELS, TrainingReadModels } from './training-ports';

export type StatusListFormat = 'ldp' | 'jwt';

/** One version of a published list, in both securings, with the ETag of each. */
export interface PublishedStatusList {
  ldp: { body: Record<string, unknown>; etag: string };
  jwt: { body: string; etag: string };
}

/** The certificate status that sets the bit of each purpose. */
const SETS_BIT: Record<StatusPurpose, CertificateDoc['status']> = {
  revocation: 'revoked',
  suspension: 'suspended',
};
/** validFrom of a list no certificate of the read model holds an index in yet. */
const EMPTY_LIST_VALID_FROM = '2026-01-01T00:00:00.000Z';

/**
 * How long a version is served without asking the read model again: the list's certificates are
 * read at most once a second per list and purpose, however many verifications load it. The
 * platform's verifier reads each certificate's own stream besides, so this lag never lets a
 * revoked credential show valid there.
 */
const FRESH_FOR_MS = 1_000;

const etagOf = (bytes: string) => `"${createHash('sha256').update(bytes).digest('base64url')}"`;

/**
 * The platform's Bitstring Status Lists, built from the certificates read model (a certificate
 * revoked sets its revocation bit, one suspended its suspension bit) and signed, as a Data
 * Integrity credential and as a VC-JWT. One version is kept per list and purpose: it is signed
 * again only when the list's bits or its last change move, so its bytes stay the same meanwhile
 * (what a verifier remembering verified lists by their digest relies on).
 */
@Injectable()
export class StatusListPublication {
  private readonly versions = new Map<
    string,
    { version: string; checkedAt: number; published: Promise<PublishedStatusList> }
  >();

  constructor(
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
    @Inject(TRAINING_CREDENTIAL_ISSUER) private readonly issuer: CredentialIssuer,
    private readonly commands: TrainingCommands,
  ) {}

  /** The list's current version, or undefined when no such list was opened. */
  async published(statusListId: string, purpose: StatusPurpose): Promise<PublishedStatusList | undefined> {
    const key = `${statusListId}|${purpose}`;
    const recent = this.versions.get(key);
    if (recent && Date.now() - recent.checkedAt < FRESH_FOR_MS) return recent.published;
    const certificates = await this.readModels
      .collection<CertificateDoc>(TRAINING_CERTIFICATES)
      .find({ statusListId }, { sort: { statusListIndex: 1 } });
    if (certificates.length === 0) {
      const list = await this.commands.load('statusList', statusListId);
      if (!list || list.state.status === 'none') return undefined;
    }
    const setIndexes = certificates
      .filter((c) => c.status === SETS_BIT[purpose])
      .map((c) => c.statusListIndex);
    const validFrom = certificates.reduce(
      (latest, c) => (c.changedAt > latest ? c.changedAt : latest),
      EMPTY_LIST_VALID_FROM,
    );
    const version = `${validFrom}|${setIndexes.join(',')}`;
    const cached = this.versions.get(key);
    if (cached?.version === version) {
      cached.checkedAt = Date.now();
      return cached.published;
    }
    const published = this.sign(statusListId, purpose, setIndexes, validFrom);
    this.versions.set(key, { version, checkedAt: Date.now(), published });
    published.catch(() => this.versions.delete(key));
    return published;
  }

  /** The list at one of this platform's URLs, in the form asked (for the platform's own verifier). */
  async atUrl(url: string, format: StatusListFormat): Promise<Record<string, unknown> | string | undefined> {
    const named = this.issuer.statusListOf(url);
    if (!named) return undefined;
    const list = await this.published(named.statusListId, named.purpose);
    return list && list[format].body;
  }

  private async sign(
    statusListId: string,
    purpose: StatusPurpose,
    setIndexes: number[],
    validFrom: string,
  ): Promise<PublishedStatusList> {
    const unsigned = await statusListCredential({
      id: this.issuer.statusListUrl(statusListId, purpose),
      issuer: this.issuer.issuerId,
      purpose,
      setIndexes,
      validFrom,
    });
    const ldp = await this.issuer.signer.signDataIntegrity(unsigned, { created: validFrom });
    const jwt = await this.issuer.signer.signJwt(unsigned);
    return { ldp: { body: ldp, etag: etagOf(JSON.stringify(ldp)) }, jwt: { body: jwt, etag: etagOf(jwt) } };
  }
}
