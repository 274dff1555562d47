import { randomBytes, randomUUID } from 'node:crypto';
import { KeyStore, masterKeyOf, unwrapDataKey, wrapDataKey } from '@tadamon/personal-data';
import { WebhookSecretNotFound, WebhookSecrets } from './webhook-secrets';
import { webhookSecretOf } from './webhook-signature';

/** Secrets share the key store with personal data subjects: their own prefix keeps them apart. */
const subjectOf = (secretId: string) => `webhook-secret:${secretId}`;

/**
 * Webhook secrets kept as data keys in the personal data KeyStore: the secret's 32 bytes are a
 * subject key, wrapped (AES-256-GCM) under the same master key, so the SQLite and PostgreSQL stores,
 * their crypto-shredding on destroy and their operating rules (docs/personal-data.md) serve both.
 */
export class KeyStoreWebhookSecrets implements WebhookSecrets {
  private readonly masterKey: Buffer;

  constructor(
    private readonly keys: KeyStore,
    masterKeyBase64: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.masterKey = masterKeyOf(masterKeyBase64);
  }

  async create(secretId: string): Promise<string> {
    const subjectId = subjectOf(secretId);
    const existing = await this.keys.current(subjectId);
    if (existing) return this.secretOf(subjectId, existing.keyId, existing.wrapped);
    const keyId = randomUUID();
    // addIfAbsent keeps the first of two concurrent creations, and refuses a destroyed id.
    const kept = await this.keys.addIfAbsent({
      subjectId,
      keyId,
      wrapped: wrapDataKey(this.masterKey, subjectId, keyId, randomBytes(32)),
      createdAt: this.now().toISOString(),
    });
    return this.secretOf(subjectId, kept.keyId, kept.wrapped);
  }

  async reveal(secretId: string): Promise<string> {
    const subjectId = subjectOf(secretId);
    const key = await this.keys.current(subjectId);
    if (!key) throw new WebhookSecretNotFound(secretId);
    return this.secretOf(subjectId, key.keyId, key.wrapped);
  }

  async destroy(secretId: string): Promise<void> {
    await this.keys.destroy(subjectOf(secretId), this.now().toISOString());
  }

  private secretOf(subjectId: string, keyId: string, wrapped: string): string {
    return webhookSecretOf(unwrapDataKey(this.masterKey, subjectId, keyId, wrapped));
  }
}
