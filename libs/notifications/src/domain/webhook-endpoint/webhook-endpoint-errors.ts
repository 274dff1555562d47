import { NotificationsError } from '../errors';

/** A rotation names a secret the endpoint already had: every rotation brings a new secret. */
export class WebhookSecretReused extends NotificationsError {
  readonly code = 'WEBHOOK_SECRET_REUSED';
  constructor(
    readonly endpointId: string,
    readonly secretId: string,
  ) {
    super(`webhook endpoint ${endpointId} already had secret ${secretId}: a rotation needs a new one`);
  }
}
