import { Command, DomainEvent } from '@tadamon/eventsourcing';
import { Trigger } from '../notification/notification-messages';

/**
 * Why an endpoint stopped receiving: its partner turned it off, it answered 410 Gone, or it failed
 * for WEBHOOK_DISABLE_AFTER_MS without a success.
 */
export const DISABLE_REASONS = ['by-partner', 'gone', 'failing'] as const;
export type DisableReason = (typeof DISABLE_REASONS)[number];

/** How long the previous secret still signs after a rotation, so the partner can switch over. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** What a partner's endpoint is: the secret itself is never here, only the id it is kept under. */
export interface WebhookEndpointSettings {
  url: string;
  description: string;
  /** The triggers the endpoint receives: a non-empty subset of TRIGGERS, kept sorted. */
  triggers: Trigger[];
}

export type RegisterWebhookEndpoint = Command<
  'RegisterWebhookEndpoint',
  { endpointId: string; organisationId: string; secretId: string } & WebhookEndpointSettings
>;
export type ChangeWebhookEndpoint = Command<
  'ChangeWebhookEndpoint',
  { endpointId: string } & WebhookEndpointSettings
>;
export type RotateWebhookSecret = Command<'RotateWebhookSecret', { endpointId: string; secretId: string }>;
export type DisableWebhookEndpoint = Command<
  'DisableWebhookEndpoint',
  { endpointId: string; reason: DisableReason }
>;
export type EnableWebhookEndpoint = Command<'EnableWebhookEndpoint', { endpointId: string }>;
/** The outcome of a delivery attempt at `at`: only a change between succeeding and failing is kept. */
export type RecordWebhookOutcome = Command<
  'RecordWebhookOutcome',
  { endpointId: string; succeeded: boolean; at: string }
>;
export type RemoveWebhookEndpoint = Command<'RemoveWebhookEndpoint', { endpointId: string }>;

export type WebhookEndpointCommand =
  | RegisterWebhookEndpoint
  | ChangeWebhookEndpoint
  | RotateWebhookSecret
  | DisableWebhookEndpoint
  | EnableWebhookEndpoint
  | RecordWebhookOutcome
  | RemoveWebhookEndpoint;

type At = { at: string };
type By = At & { by: string };
export type WebhookEndpointRegistered = DomainEvent<
  'WebhookEndpointRegistered',
  RegisterWebhookEndpoint['data'] & By
>;
export type WebhookEndpointChanged = DomainEvent<
  'WebhookEndpointChanged',
  ChangeWebhookEndpoint['data'] & By
>;
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  {
    endpointId: string;
    secretId: string;
    previousSecretId: string;
    /** The previous secret still signs until then (SECRET_OVERLAP_MS after the rotation). */
    previousValidUntil: string;
  } & By
>;
export type WebhookEndpointDisabled = DomainEvent<
  'WebhookEndpointDisabled',
  { endpointId: string; reason: DisableReason } & By
>;
export type WebhookEndpointEnabled = DomainEvent<'WebhookEndpointEnabled', { endpointId: string } & By>;
/** The first failed attempt after a success (or since registering): the start of the failure streak. */
export type WebhookEndpointFailing = DomainEvent<
  'WebhookEndpointFailing',
  { endpointId: string; since: string } & At
>;
export type WebhookEndpointRecovered = DomainEvent<'WebhookEndpointRecovered', { endpointId: string } & At>;
export type WebhookEndpointRemoved = DomainEvent<'WebhookEndpointRemoved', { endpointId: string } & By>;

export type WebhookEndpointEvent =
  | WebhookEndpointRegistered
  | WebhookEndpointChanged
  | WebhookSecretRotated
  | WebhookEndpointDisabled
  | WebhookEndpointEnabled
  | WebhookEndpointFailing
  | WebhookEndpointRecovered
  | WebhookEndpointRemoved;
