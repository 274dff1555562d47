import { Decider, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated } from '../errors';
import {
  checkId,
  checkInstant,
  checkInteger,
  checkObject,
  checkOneOf,
  checkOptionalText,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { NotDerivedId, NotTheCurrentAttempt, NotTheRecipient } from './notification-errors';
import { notificationIdFor } from './notification-identity';
import { checkNoticeFacts } from './notice-facts';
import {
  CHANNELS,
  LANGUAGES,
  NotificationCommand,
  NotificationEvent,
  RECIPIENT_KINDS,
  RequestNotification,
  SKIP_REASONS,
  SOURCE_CONTEXTS,
  TRIGGERS,
} from './notification-messages';
import { initialNotificationState, Notification, NotificationState } from './notification-state';

export const NOTIFICATION_CATEGORY = 'notification';
export const notificationStreamName = (notificationId: string): string =>
  streamName(NOTIFICATION_CATEGORY, notificationId);

const NOTIFICATION = 'notification';
const SHA256 = /^[0-9a-f]{64}$/;
/** The most attempts a schedule may make (the webhook schedule has eight). */
export const MAX_ATTEMPTS = 20;

const checkRequest = (
  issues: FieldIssues,
  data: RequestNotification['data'],
): RequestNotification['data'] => {
  const source = checkObject(issues, 'source', data.source);
  const recipient = checkObject(issues, 'recipient', data.recipient);
  const organisationId = recipient['organisationId'];
  return {
    notificationId: checkId(issues, 'notificationId', data.notificationId),
    source: {
      context: checkOneOf(issues, 'source.context', source['context'], SOURCE_CONTEXTS),
      eventId: checkId(issues, 'source.eventId', source['eventId']),
      eventType: checkId(issues, 'source.eventType', source['eventType']),
      subjectId: checkId(issues, 'source.subjectId', source['subjectId']),
    },
    recipient: {
      kind: checkOneOf(issues, 'recipient.kind', recipient['kind'], RECIPIENT_KINDS),
      id: checkId(issues, 'recipient.id', recipient['id']),
      organisationId:
        organisationId === null || organisationId === undefined
          ? null
          : checkId(issues, 'recipient.organisationId', organisationId),
    },
    channel: checkOneOf(issues, 'channel', data.channel, CHANNELS),
    trigger: checkOneOf(issues, 'trigger', data.trigger, TRIGGERS),
    facts: checkNoticeFacts(issues, 'facts', data.facts),
  };
};

const requestOf = (n: Notification): RequestNotification['data'] => ({
  notificationId: n.notificationId,
  source: n.source,
  recipient: n.recipient,
  channel: n.channel,
  trigger: n.trigger,
  facts: n.facts,
});

export const decideNotification = (
  command: NotificationCommand,
  state: NotificationState,
): NotificationEvent[] => {
  const { now, actor } = command.metadata;
  const at = now;
  const issues = new FieldIssues();
  if (state.status === 'none') {
    if (command.type !== 'RequestNotification') throw new NotCreated(NOTIFICATION, command.type);
    const data = checkRequest(issues, command.data);
    issues.throwIfAny();
    const expected = notificationIdFor(data.source.eventId, data.recipient, data.channel);
    if (data.notificationId !== expected) throw new NotDerivedId(data.notificationId, expected);
    return [{ type: 'NotificationRequested', data: { ...data, at } }];
  }
  const notificationId = state.notificationId;
  const refuse = (): never => {
    throw new InvalidTransition(NOTIFICATION, state.status, command.type);
  };
  switch (command.type) {
    case 'RequestNotification': {
      // The same event delivered again: the same notification, already here.
      const data = checkRequest(issues, command.data);
      issues.throwIfAny();
      if (sameJson(data, requestOf(state))) return [];
      throw new AlreadyCreated(NOTIFICATION, notificationId);
    }
    case 'SkipNotification': {
      const reason = checkOneOf(issues, 'reason', command.data.reason, SKIP_REASONS);
      const detail = checkOptionalText(issues, 'detail', command.data.detail, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'skipped' && state.skipped?.reason === reason) return [];
      if (!['requested', 'deferred', 'rendered', 'retrying'].includes(state.status)) refuse();
      return [{ type: 'NotificationSkipped', data: { notificationId, reason, detail, at } }];
    }
    case 'DeferNotification': {
      const until = checkInstant(issues, 'until', command.data.until);
      issues.throwIfAny();
      if (state.status === 'deferred' && state.deferredUntil === until) return [];
      if (!['requested', 'rendered', 'deferred'].includes(state.status)) refuse();
      if (Date.parse(until) <= Date.parse(now)) issues.add('until', 'must be after now');
      issues.throwIfAny();
      return [{ type: 'NotificationDeferred', data: { notificationId, until, at } }];
    }
    case 'RenderNotification': {
      const d = command.data;
      const rendered = {
        templateId: checkId(issues, 'templateId', d.templateId),
        templateVersion: checkInteger(issues, 'templateVersion', d.templateVersion, 1, 1_000_000),
        language: checkOneOf(issues, 'language', d.language, LANGUAGES),
        fallbackFrom:
          d.fallbackFrom === null || d.fallbackFrom === undefined
            ? null
            : checkOneOf(issues, 'fallbackFrom', d.fallbackFrom, LANGUAGES),
        subject: checkText(issues, 'subject', d.subject, MAX_LONG_TEXT),
        bodySha256: typeof d.bodySha256 === 'string' && SHA256.test(d.bodySha256) ? d.bodySha256 : '',
      };
      if (!rendered.bodySha256) issues.add('bodySha256', 'must be 64 lowercase hex digits');
      if (rendered.fallbackFrom === rendered.language)
        issues.add('fallbackFrom', 'must differ from language');
      issues.throwIfAny();
      if (state.rendered && sameJson(state.rendered, rendered)) return [];
      if (state.status !== 'requested' && state.status !== 'deferred') refuse();
      return [{ type: 'NotificationRendered', data: { notificationId, ...rendered, at } }];
    }
    case 'StartDeliveryAttempt': {
      const attempt = checkInteger(issues, 'attempt', command.data.attempt, 1, MAX_ATTEMPTS);
      issues.throwIfAny();
      if (state.status === 'sending' && attempt === state.attempts) return [];
      const ready =
        state.status === 'rendered' ||
        state.status === 'retrying' ||
        (state.status === 'deferred' &&
          !!state.rendered &&
          Date.parse(now) >= Date.parse(state.deferredUntil ?? now));
      if (!ready) refuse();
      if (attempt !== state.attempts + 1) throw new NotTheCurrentAttempt(attempt, state.attempts + 1);
      return [{ type: 'DeliveryAttemptStarted', data: { notificationId, attempt, at } }];
    }
    case 'RecordDelivery': {
      const attempt = checkInteger(issues, 'attempt', command.data.attempt, 1, MAX_ATTEMPTS);
      const response = checkOptionalText(issues, 'response', command.data.response, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'delivered') return [];
      if (state.status !== 'sending') refuse();
      if (attempt !== state.attempts) throw new NotTheCurrentAttempt(attempt, state.attempts);
      return [{ type: 'NotificationDelivered', data: { notificationId, attempt, response, at } }];
    }
    case 'RecordFailedAttempt': {
      const d = command.data;
      const attempt = checkInteger(issues, 'attempt', d.attempt, 1, MAX_ATTEMPTS);
      const reason = checkText(issues, 'reason', d.reason, MAX_LONG_TEXT);
      const retryAt =
        d.retryAt === null || d.retryAt === undefined ? null : checkInstant(issues, 'retryAt', d.retryAt);
      issues.throwIfAny();
      if (state.status === 'retrying' && state.attempts === attempt) return [];
      if (state.status === 'failed' && state.attempts === attempt) return [];
      if (state.status !== 'sending') refuse();
      if (attempt !== state.attempts) throw new NotTheCurrentAttempt(attempt, state.attempts);
      const final = retryAt === null || attempt >= MAX_ATTEMPTS;
      const failed: NotificationEvent = {
        type: 'DeliveryAttemptFailed',
        data: { notificationId, attempt, reason, retryAt: final ? null : retryAt, at },
      };
      return final
        ? [failed, { type: 'NotificationFailed', data: { notificationId, attempts: attempt, reason, at } }]
        : [failed];
    }
    case 'RecordBounce': {
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'bounced') return [];
      if (state.status !== 'delivered' || state.channel !== 'email') refuse();
      return [{ type: 'NotificationBounced', data: { notificationId, reason, at } }];
    }
    case 'RedeliverNotification': {
      if (state.channel !== 'webhook' || (state.status !== 'delivered' && state.status !== 'failed'))
        refuse();
      if (state.attempts >= MAX_ATTEMPTS) throw new NotTheCurrentAttempt(state.attempts + 1, MAX_ATTEMPTS);
      return [{ type: 'RedeliveryRequested', data: { notificationId, by: actor.id, at } }];
    }
    case 'MarkNotificationRead': {
      if (state.channel !== 'in-app' || state.status !== 'delivered') refuse();
      if (state.recipient.kind !== 'user' || state.recipient.id !== actor.id)
        throw new NotTheRecipient(actor.id);
      if (state.readAt) return [];
      return [{ type: 'NotificationRead', data: { notificationId, by: actor.id, at } }];
    }
  }
};

export const evolveNotification = (state: NotificationState, event: NotificationEvent): NotificationState => {
  if (event.type === 'NotificationRequested') {
    const { at, ...request } = event.data;
    return {
      status: 'requested',
      ...request,
      requestedAt: at,
      skipped: null,
      deferredUntil: null,
      rendered: null,
      attempts: 0,
      retryAt: null,
      lastFailure: null,
      deliveredAt: null,
      readAt: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'NotificationSkipped':
      return {
        ...state,
        status: 'skipped',
        skipped: { reason: event.data.reason, detail: event.data.detail },
      };
    case 'NotificationDeferred':
      return { ...state, status: 'deferred', deferredUntil: event.data.until };
    case 'NotificationRendered': {
      const { notificationId: _id, at: _at, ...rendered } = event.data;
      return { ...state, status: state.status === 'deferred' ? 'deferred' : 'rendered', rendered };
    }
    case 'DeliveryAttemptStarted':
      return { ...state, status: 'sending', attempts: event.data.attempt, retryAt: null };
    case 'NotificationDelivered':
      return { ...state, status: 'delivered', deliveredAt: event.data.at };
    case 'DeliveryAttemptFailed':
      return { ...state, status: 'retrying', retryAt: event.data.retryAt, lastFailure: event.data.reason };
    case 'NotificationFailed':
      return { ...state, status: 'failed', retryAt: null };
    case 'NotificationBounced':
      return { ...state, status: 'bounced', lastFailure: event.data.reason };
    case 'NotificationRead':
      return { ...state, readAt: event.data.at };
    case 'RedeliveryRequested':
      return { ...state, status: 'retrying', retryAt: event.data.at };
  }
};

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = {
  decide: decideNotification,
  evolve: evolveNotification,
  initialState: initialNotificationState,
};
