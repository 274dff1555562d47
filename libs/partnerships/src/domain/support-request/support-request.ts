import { Decider, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated } from '../errors';
import {
  checkId,
  checkObject,
  checkOneOf,
  checkOptionalText,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { NotTheAssignedOfficer, NotTheRequester } from './support-request-errors';
import {
  RequestSupport,
  SUPPORT_KINDS,
  SupportAnswer,
  SupportRequestCommand,
  SupportRequestDetails,
  SupportRequestEvent,
} from './support-request-messages';
import { initialSupportRequestState, SupportRequest, SupportRequestState } from './support-request-state';

export const SUPPORT_REQUEST_CATEGORY = 'supportRequest';
export const supportRequestStreamName = (requestId: string): string =>
  streamName(SUPPORT_REQUEST_CATEGORY, requestId);

const REQUEST = 'supportRequest';

const checkDetails = (issues: FieldIssues, data: RequestSupport['data']): SupportRequestDetails => {
  const projectId = data.projectId;
  return {
    requesterId: checkId(issues, 'requesterId', data.requesterId),
    projectId: projectId === undefined || projectId === null ? null : checkId(issues, 'projectId', projectId),
    kind: checkOneOf(issues, 'kind', data.kind, SUPPORT_KINDS),
    subject: checkText(issues, 'subject', data.subject),
    description: checkText(issues, 'description', data.description, MAX_LONG_TEXT),
  };
};

const checkAnswer = (issues: FieldIssues, value: unknown): SupportAnswer => {
  const input = checkObject(issues, 'answer', value);
  const kind = checkOneOf(issues, 'answer.kind', input['kind'], [
    'advice',
    'introduction',
    'referral',
  ] as const);
  switch (kind) {
    case 'advice':
      return { kind, text: checkText(issues, 'answer.text', input['text'], MAX_LONG_TEXT) };
    case 'introduction':
      return {
        kind,
        actorId: checkId(issues, 'answer.actorId', input['actorId']),
        note: checkText(issues, 'answer.note', input['note'], MAX_LONG_TEXT),
      };
    default:
      return {
        kind: 'referral',
        callId: checkId(issues, 'answer.callId', input['callId']),
        note: checkText(issues, 'answer.note', input['note'], MAX_LONG_TEXT),
      };
  }
};

const detailsOf = (state: SupportRequest): SupportRequestDetails => {
  const { requesterId, projectId, kind, subject, description } = state;
  return { requesterId, projectId, kind, subject, description };
};

export const decideSupportRequest = (
  command: SupportRequestCommand,
  state: SupportRequestState,
): SupportRequestEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const requestId = checkId(issues, 'requestId', command.data.requestId);
  if (state.status === 'none') {
    if (command.type !== 'RequestSupport') throw new NotCreated(REQUEST, command.type);
    const details = checkDetails(issues, command.data);
    issues.throwIfAny();
    return [{ type: 'SupportRequested', data: { requestId, ...details, receivedAt: now, by } }];
  }
  if (requestId !== state.requestId)
    issues.add('requestId', `must be ${state.requestId}, the request of this stream`);
  issues.throwIfAny();
  const refuse = (): never => {
    throw new InvalidTransition(REQUEST, state.status, command.type);
  };
  switch (command.type) {
    case 'RequestSupport': {
      const details = checkDetails(issues, command.data);
      issues.throwIfAny();
      if (sameJson(details, detailsOf(state))) return [];
      throw new AlreadyCreated(REQUEST, requestId);
    }
    case 'AssignSupportRequest': {
      const officerId = checkId(issues, 'officerId', command.data.officerId);
      issues.throwIfAny();
      if (state.status !== 'received' && state.status !== 'assigned') refuse();
      if (officerId === state.officerId) return [];
      return [{ type: 'SupportRequestAssigned', data: { requestId, officerId, assignedAt: now, by } }];
    }
    case 'AnswerSupportRequest': {
      const answer = checkAnswer(issues, command.data.answer);
      issues.throwIfAny();
      if (state.status !== 'received' && sameJson(answer, state.answer)) return [];
      if (state.status !== 'assigned') refuse();
      if (by !== state.officerId) throw new NotTheAssignedOfficer(state.officerId, by);
      return [{ type: 'SupportRequestAnswered', data: { requestId, answer, answeredAt: now, by } }];
    }
    case 'CloseSupportRequest': {
      const note = checkOptionalText(issues, 'note', command.data.note, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'closed') return [];
      if (state.status !== 'answered') refuse();
      return [{ type: 'SupportRequestClosed', data: { requestId, note, closedAt: now, by } }];
    }
    case 'WithdrawSupportRequest': {
      const requesterId = checkId(issues, 'requesterId', command.data.requesterId);
      const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (requesterId !== state.requesterId) throw new NotTheRequester(requesterId, state.requesterId);
      if (state.status === 'withdrawn') return [];
      if (state.status !== 'received' && state.status !== 'assigned') refuse();
      return [{ type: 'SupportRequestWithdrawn', data: { requestId, reason, withdrawnAt: now, by } }];
    }
  }
};

export const evolveSupportRequest = (
  state: SupportRequestState,
  event: SupportRequestEvent,
): SupportRequestState => {
  if (event.type === 'SupportRequested') {
    const { requestId, requesterId, projectId, kind, subject, description, receivedAt } = event.data;
    return {
      status: 'received',
      requestId,
      requesterId,
      projectId,
      kind,
      subject,
      description,
      officerId: null,
      assignments: [],
      answer: null,
      answeredBy: null,
      closingNote: null,
      withdrawalReason: null,
      receivedAt,
      assignedAt: null,
      answeredAt: null,
      closedAt: null,
      withdrawnAt: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SupportRequestAssigned': {
      const { officerId, assignedAt, by } = event.data;
      return {
        ...state,
        status: 'assigned',
        officerId,
        assignments: [...state.assignments, { officerId, at: assignedAt, by }],
        assignedAt: state.assignedAt ?? assignedAt,
      };
    }
    case 'SupportRequestAnswered':
      return {
        ...state,
        status: 'answered',
        answer: event.data.answer,
        answeredBy: event.data.by,
        answeredAt: event.data.answeredAt,
      };
    case 'SupportRequestClosed':
      return { ...state, status: 'closed', closingNote: event.data.note, closedAt: event.data.closedAt };
    case 'SupportRequestWithdrawn':
      return {
        ...state,
        status: 'withdrawn',
        withdrawalReason: event.data.reason,
        withdrawnAt: event.data.withdrawnAt,
      };
  }
};

export const supportRequestDecider: Decider<SupportRequestCommand, SupportRequestEvent, SupportRequestState> =
  {
    decide: decideSupportRequest,
    evolve: evolveSupportRequest,
    initialState: initialSupportRequestState,
  };
