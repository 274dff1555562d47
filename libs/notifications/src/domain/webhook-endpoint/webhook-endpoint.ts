import { Decider, streamName } from '@tadamon/eventsourcing';
import { WEBHOOK_DISABLE_AFTER_MS } from '../delivery/retry-schedule';
import { AlreadyCreated, InvalidTransition, NotCreated } from '../errors';
import {
  checkBoolean,
  checkId,
  checkInstant,
  checkList,
  checkOneOf,
  checkText,
  FieldIssues,
  sameJson,
} from '../field-validation';
import { Trigger, TRIGGERS } from '../notification/notification-messages';
import { WebhookSecretReused } from './webhook-endpoint-errors';
import {
  DISABLE_REASONS,
  SECRET_OVERLAP_MS,
  WebhookEndpointCommand,
  WebhookEndpointEvent,
  WebhookEndpointSettings,
} from './webhook-endpoint-messages';
import { initialWebhookEndpointState, WebhookEndpoint, WebhookEndpointState } from './webhook-endpoint-state';
import { checkWebhookUrl } from './webhook-url';

export const WEBHOOK_ENDPOINT_CATEGORY = 'webhookEndpoint';
export const webhookEndpointStreamName = (endpointId: string): string =>
  streamName(WEBHOOK_ENDPOINT_CATEGORY, endpointId);

const ENDPOINT = 'webhookEndpoint';
export const MAX_WEBHOOK_DESCRIPTION = 500;

const checkSettings = (issues: FieldIssues, data: WebhookEndpointSettings): WebhookEndpointSettings => ({
  url: checkWebhookUrl(issues, 'url', data.url),
  description: checkText(issues, 'description', data.description, MAX_WEBHOOK_DESCRIPTION),
  triggers: checkList(issues, 'triggers', data.triggers, (f, v) => checkOneOf(issues, f, v, TRIGGERS), {
    min: 1,
    max: TRIGGERS.length,
  }).sort() as Trigger[],
});

const settingsOf = (e: WebhookEndpoint): WebhookEndpointSettings => ({
  url: e.url,
  description: e.description,
  triggers: e.triggers,
});

export const decideWebhookEndpoint = (
  command: WebhookEndpointCommand,
  state: WebhookEndpointState,
): WebhookEndpointEvent[] => {
  const { now: at, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const endpointId = checkId(issues, 'endpointId', command.data.endpointId);
  if (command.type === 'RegisterWebhookEndpoint') {
    const organisationId = checkId(issues, 'organisationId', command.data.organisationId);
    const secretId = checkId(issues, 'secretId', command.data.secretId);
    const settings = checkSettings(issues, command.data);
    issues.throwIfAny();
    const registered = { endpointId, organisationId, ...settings, secretId };
    if (state.status === 'none')
      return [{ type: 'WebhookEndpointRegistered', data: { ...registered, at, by } }];
    const first = state.usedSecretIds[0];
    const same = { endpointId, organisationId: state.organisationId, ...settingsOf(state), secretId: first };
    if (state.status !== 'removed' && sameJson(registered, same)) return [];
    throw new AlreadyCreated(ENDPOINT, endpointId);
  }
  if (state.status === 'none') {
    issues.throwIfAny();
    throw new NotCreated(ENDPOINT, command.type);
  }
  const refuse = (): never => {
    throw new InvalidTransition(ENDPOINT, state.status, command.type);
  };
  switch (command.type) {
    case 'ChangeWebhookEndpoint': {
      const settings = checkSettings(issues, command.data);
      issues.throwIfAny();
      if (state.status === 'removed') refuse();
      if (sameJson(settings, settingsOf(state))) return [];
      return [{ type: 'WebhookEndpointChanged', data: { endpointId, ...settings, at, by } }];
    }
    case 'RotateWebhookSecret': {
      const secretId = checkId(issues, 'secretId', command.data.secretId);
      issues.throwIfAny();
      if (state.status === 'removed') refuse();
      const current = state.secrets[0].secretId;
      if (secretId === current) return [];
      if (state.usedSecretIds.includes(secretId)) throw new WebhookSecretReused(endpointId, secretId);
      const previousValidUntil = new Date(Date.parse(at) + SECRET_OVERLAP_MS).toISOString();
      return [
        {
          type: 'WebhookSecretRotated',
          data: { endpointId, secretId, previousSecretId: current, previousValidUntil, at, by },
        },
      ];
    }
    case 'DisableWebhookEndpoint': {
      const reason = checkOneOf(issues, 'reason', command.data.reason, DISABLE_REASONS);
      issues.throwIfAny();
      if (state.status === 'removed') refuse();
      if (state.status === 'disabled') return [];
      return [{ type: 'WebhookEndpointDisabled', data: { endpointId, reason, at, by } }];
    }
    case 'EnableWebhookEndpoint': {
      issues.throwIfAny();
      if (state.status === 'removed') refuse();
      if (state.status === 'enabled') return [];
      return [{ type: 'WebhookEndpointEnabled', data: { endpointId, at, by } }];
    }
    case 'RecordWebhookOutcome': {
      const succeeded = checkBoolean(issues, 'succeeded', command.data.succeeded);
      const when = checkInstant(issues, 'at', command.data.at);
      issues.throwIfAny();
      // An attempt that was in flight when the endpoint was disabled or removed changes nothing.
      if (state.status !== 'enabled') return [];
      const since = state.failingSince;
      if (since === null)
        return succeeded ? [] : [{ type: 'WebhookEndpointFailing', data: { endpointId, since: when, at } }];
      // An outcome from before the streak began arrives late: it says nothing about the endpoint now.
      if (Date.parse(when) < Date.parse(since)) return [];
      if (succeeded) return [{ type: 'WebhookEndpointRecovered', data: { endpointId, at } }];
      if (Date.parse(when) - Date.parse(since) < WEBHOOK_DISABLE_AFTER_MS) return [];
      return [{ type: 'WebhookEndpointDisabled', data: { endpointId, reason: 'failing', at, by } }];
    }
    case 'RemoveWebhookEndpoint': {
      issues.throwIfAny();
      if (state.status === 'removed') return [];
      return [{ type: 'WebhookEndpointRemoved', data: { endpointId, at, by } }];
    }
  }
};

export const evolveWebhookEndpoint = (
  state: WebhookEndpointState,
  event: WebhookEndpointEvent,
): WebhookEndpointState => {
  if (event.type === 'WebhookEndpointRegistered') {
    const { endpointId, organisationId, url, description, triggers, secretId } = event.data;
    return {
      status: 'enabled',
      endpointId,
      organisationId,
      url,
      description,
      triggers,
      secrets: [{ secretId, validUntil: null }],
      usedSecretIds: [secretId],
      failingSince: null,
      disabledReason: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'WebhookEndpointChanged': {
      const { url, description, triggers } = event.data;
      return { ...state, url, description, triggers };
    }
    case 'WebhookSecretRotated': {
      const { secretId, previousSecretId, previousValidUntil } = event.data;
      // Only the secret just replaced overlaps: one older than it has stopped signing.
      return {
        ...state,
        secrets: [
          { secretId, validUntil: null },
          { secretId: previousSecretId, validUntil: previousValidUntil },
        ],
        usedSecretIds: [...state.usedSecretIds, secretId],
      };
    }
    case 'WebhookEndpointDisabled':
      return { ...state, status: 'disabled', disabledReason: event.data.reason };
    case 'WebhookEndpointEnabled':
      return { ...state, status: 'enabled', disabledReason: null, failingSince: null };
    case 'WebhookEndpointFailing':
      return { ...state, failingSince: event.data.since };
    case 'WebhookEndpointRecovered':
      return { ...state, failingSince: null };
    case 'WebhookEndpointRemoved':
      return { ...state, status: 'removed', secrets: [] };
  }
};

export const webhookEndpointDecider: Decider<
  WebhookEndpointCommand,
  WebhookEndpointEvent,
  WebhookEndpointState
> = {
  decide: decideWebhookEndpoint,
  evolve: evolveWebhookEndpoint,
  initialState: initialWebhookEndpointState,
};
