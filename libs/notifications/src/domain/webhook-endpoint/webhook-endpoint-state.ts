import { DisableReason, WebhookEndpointSettings } from './webhook-endpoint-messages';

export interface SecretInForce {
  secretId: string;
  /** Null for the current secret; for the previous one, the end of the rotation's overlap. */
  validUntil: string | null;
}

export interface WebhookEndpoint extends WebhookEndpointSettings {
  status: 'enabled' | 'disabled' | 'removed';
  endpointId: string;
  organisationId: string;
  /** The current secret first, then the previous one while its overlap lasts. */
  secrets: SecretInForce[];
  /** Every secret id the endpoint ever had: a rotation never goes back to one. */
  usedSecretIds: string[];
  /** When the current failure streak began; null while deliveries succeed. */
  failingSince: string | null;
  disabledReason: DisableReason | null;
}

export type WebhookEndpointState = { status: 'none' } | WebhookEndpoint;

export const initialWebhookEndpointState = (): WebhookEndpointState => ({ status: 'none' });

/** The ids of the secrets that sign a delivery made at `now`, the current one first. */
export const secretsInForce = (state: WebhookEndpointState, now: string): string[] =>
  state.status === 'none' || state.status === 'removed'
    ? []
    : state.secrets
        .filter((s) => s.validUntil === null || Date.parse(s.validUntil) > Date.parse(now))
        .map((s) => s.secretId);
