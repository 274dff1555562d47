/**
 * Where endpoint secrets are kept, apart from the event log and the read models, which carry only
 * the secret's id. `reveal` is for the delivery loop (to sign) and for showing a partner a secret
 * once, when it is made.
 */
export interface WebhookSecrets {
  /** Makes the secret kept under `secretId` (`whsec_…`), or returns it if it was already made. */
  create(secretId: string): Promise<string>;
  /** The secret, or WebhookSecretNotFound (never made, or destroyed). */
  reveal(secretId: string): Promise<string>;
  /** Destroys the secret for good (idempotent): its id can never hold a secret again. */
  destroy(secretId: string): Promise<void>;
}

export class WebhookSecretNotFound extends Error {
  constructor(readonly secretId: string) {
    super(`no webhook secret ${secretId} (never made, or destroyed)`);
    this.name = 'WebhookSecretNotFound';
  }
}
