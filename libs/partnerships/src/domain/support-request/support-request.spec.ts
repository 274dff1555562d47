import { CommandMetadata, DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { supportRequestDecider, supportRequestStreamName } from './support-request';
import { NotTheAssignedOfficer, NotTheRequester } from './support-request-errors';
import {
  AnswerSupportRequest,
  AssignSupportRequest,
  CloseSupportRequest,
  RequestSupport,
  SupportAnswer,
  SupportRequestCommand,
  SupportRequestEvent,
  WithdrawSupportRequest,
} from './support-request-messages';
import { supportRequestAge, supportRequestDurations } from './support-request-state';
import { repeatsChangeNothing } from '../testing/repeats-change-nothing';

const requestId = 'sr-2025-0042';
const received = '2025-03-03T08:00:00.000Z';
const assignedAt = '2025-03-04T08:00:00.000Z';
const answeredAt = '2025-03-10T12:00:00.000Z';
const closedAt = '2025-03-11T12:00:00.000Z';
const spec = DeciderSpecification.for(supportRequestDecider);
const metadata = (actorId: string, now: string): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: [] },
  now,
});
const command = <C extends SupportRequestCommand>(
  type: C['type'],
  data: Omit<C['data'], 'requestId'>,
  actor: string,
  now: string,
): C => ({ type, data: { requestId, ...data }, metadata: metadata(actor, now) }) as C;
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);

const details = {
  requesterId: 'md-0001',
  projectId: 'prj-taliouine-water',
  kind: 'technical' as const,
  subject: 'Étude hydrogéologique',
  description: 'Nous cherchons un bureau d’études pour le forage prévu à Taliouine.',
};
const request = command<RequestSupport>('RequestSupport', details, 'amina-md', received);
const requested: SupportRequestEvent = {
  type: 'SupportRequested',
  data: { requestId, ...details, receivedAt: received, by: 'amina-md' },
};
const assign = (officerId: string, at = assignedAt) =>
  command<AssignSupportRequest>('AssignSupportRequest', { officerId }, 'head-of-unit', at);
const assigned = (officerId: string, at = assignedAt): SupportRequestEvent => ({
  type: 'SupportRequestAssigned',
  data: { requestId, officerId, assignedAt: at, by: 'head-of-unit' },
});
const introduction: SupportAnswer = {
  kind: 'introduction',
  actorId: 'cri-souss-massa',
  note: 'Le CRI tient la liste des bureaux agréés',
};
const answer = (value: SupportAnswer = introduction, actor = 'officer-1') =>
  command<AnswerSupportRequest>('AnswerSupportRequest', { answer: value }, actor, answeredAt);
const answered: SupportRequestEvent = {
  type: 'SupportRequestAnswered',
  data: { requestId, answer: introduction, answeredAt, by: 'officer-1' },
};
const close = command<CloseSupportRequest>(
  'CloseSupportRequest',
  { note: 'Contact établi' },
  'officer-1',
  closedAt,
);
const closed: SupportRequestEvent = {
  type: 'SupportRequestClosed',
  data: { requestId, note: 'Contact établi', closedAt, by: 'officer-1' },
};
const withdraw = (requesterId = 'md-0001') =>
  command<WithdrawSupportRequest>(
    'WithdrawSupportRequest',
    { requesterId, reason: 'Résolu autrement' },
    'amina-md',
    assignedAt,
  );
const withdrawn: SupportRequestEvent = {
  type: 'SupportRequestWithdrawn',
  data: { requestId, reason: 'Résolu autrement', withdrawnAt: assignedAt, by: 'amina-md' },
};
const answeredHistory = [requested, assigned('officer-1'), answered];

describe('support request', () => {
  it('lives in streams of the supportRequest category', () => {
    expect(supportRequestStreamName(requestId)).toBe('supportRequest-sr-2025-0042');
  });

  describe('RequestSupport', () => {
    it('receives a request', () => {
      spec.when(request).then([requested]);
    });
    it('receives a request about no project', () => {
      const { projectId: _p, ...bare } = details;
      spec.when(command<RequestSupport>('RequestSupport', bare, 'amina-md', received)).then([
        {
          type: 'SupportRequested',
          data: { requestId, ...bare, projectId: null, receivedAt: received, by: 'amina-md' },
        },
      ]);
    });
    it('changes nothing when the same request is sent again', () => {
      spec.given([requested]).when(request).thenNothingHappened();
    });
    it('refuses another request under the same id', () => {
      spec
        .given([requested])
        .when(
          command<RequestSupport>('RequestSupport', { ...details, kind: 'financial' }, 'amina-md', received),
        )
        .thenThrows(AlreadyCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command<RequestSupport>(
            'RequestSupport',
            {
              requesterId: '',
              projectId: 'a b',
              kind: 'legal' as 'technical',
              subject: '',
              description: 'x'.repeat(5001),
            },
            'amina-md',
            received,
          ),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['requesterId', 'projectId', 'kind', 'subject', 'description']);
    });
    it('refuses a command naming another request than the stream', () => {
      const error = spec
        .given([requested])
        .when({ ...assign('officer-1'), data: { requestId: 'sr-other', officerId: 'officer-1' } })
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['requestId']);
    });
  });

  describe('AssignSupportRequest', () => {
    it('assigns a received request to an officer', () => {
      spec
        .given([requested])
        .when(assign('officer-1'))
        .then([assigned('officer-1')]);
    });
    it('re-assigns to another officer while the request is not answered', () => {
      spec
        .given([requested, assigned('officer-1')])
        .when(assign('officer-2'))
        .then([assigned('officer-2')]);
    });
    it('changes nothing when assigned again to the same officer', () => {
      spec
        .given([requested, assigned('officer-1')])
        .when(assign('officer-1'))
        .thenNothingHappened();
    });
    it('refuses to re-assign an answered request', () => {
      spec.given(answeredHistory).when(assign('officer-2')).thenThrows(InvalidTransition);
    });
    it('refuses a malformed officer id', () => {
      const error = spec.given([requested]).when(assign('')).thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['officerId']);
    });
    it('refuses to assign a request never received', () => {
      spec.when(assign('officer-1')).thenThrows(NotCreated);
    });
  });

  describe('AnswerSupportRequest', () => {
    it('records the assigned officer’s answer', () => {
      spec
        .given([requested, assigned('officer-1')])
        .when(answer())
        .then([answered]);
    });
    it('answers with advice or a referral to a call', () => {
      const advice: SupportAnswer = { kind: 'advice', text: 'Déposez le dossier au guichet régional.' };
      const referral: SupportAnswer = { kind: 'referral', callId: 'icmd2-call-2', note: 'Volet eau potable' };
      for (const value of [advice, referral]) {
        spec
          .given([requested, assigned('officer-1')])
          .when(answer(value))
          .then([
            {
              type: 'SupportRequestAnswered',
              data: { requestId, answer: value, answeredAt, by: 'officer-1' },
            },
          ]);
      }
    });
    it('changes nothing when the same answer is sent again', () => {
      spec.given(answeredHistory).when(answer()).thenNothingHappened();
    });
    it('refuses another answer to an answered request', () => {
      spec
        .given(answeredHistory)
        .when(answer({ kind: 'advice', text: 'autre' }))
        .thenThrows(InvalidTransition);
    });
    it('refuses to answer a request nobody was assigned', () => {
      spec.given([requested]).when(answer()).thenThrows(InvalidTransition);
    });
    it('refuses an answer from another officer than the assigned one', () => {
      spec
        .given([requested, assigned('officer-1')])
        .when(answer(introduction, 'officer-2'))
        .thenThrows(NotTheAssignedOfficer, (e) => e.officerId === 'officer-1' && e.actorId === 'officer-2');
    });
    it('refuses an answer of an unknown kind, and one missing its fields', () => {
      const unknown = spec
        .given([requested, assigned('officer-1')])
        .when(answer({ kind: 'lecture' } as unknown as SupportAnswer))
        .thenThrows(ValidationFailed);
      expect(fields(unknown)).toEqual(['answer.kind', 'answer.callId', 'answer.note']);
      const bare = spec
        .given([requested, assigned('officer-1')])
        .when(answer({ kind: 'introduction' } as SupportAnswer))
        .thenThrows(ValidationFailed);
      expect(fields(bare)).toEqual(['answer.actorId', 'answer.note']);
    });
  });

  describe('CloseSupportRequest', () => {
    it('closes an answered request', () => {
      spec.given(answeredHistory).when(close).then([closed]);
    });
    it('changes nothing when already closed', () => {
      spec
        .given([...answeredHistory, closed])
        .when(close)
        .thenNothingHappened();
    });
    it('refuses to close a request not answered', () => {
      spec
        .given([requested, assigned('officer-1')])
        .when(close)
        .thenThrows(InvalidTransition);
    });
    it('refuses a note that is not a text', () => {
      const error = spec
        .given(answeredHistory)
        .when(
          command<CloseSupportRequest>(
            'CloseSupportRequest',
            { note: 3 as unknown as string },
            'officer-1',
            closedAt,
          ),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['note']);
    });
  });

  describe('WithdrawSupportRequest', () => {
    it('lets the requester withdraw a request before it is answered', () => {
      spec.given([requested]).when(withdraw()).then([withdrawn]);
      spec
        .given([requested, assigned('officer-1')])
        .when(withdraw())
        .then([withdrawn]);
    });
    it('changes nothing when already withdrawn', () => {
      spec.given([requested, withdrawn]).when(withdraw()).thenNothingHappened();
    });
    it('refuses a withdrawal by another organisation', () => {
      spec.given([requested]).when(withdraw('cri-souss-massa')).thenThrows(NotTheRequester);
    });
    it('refuses to withdraw an answered request', () => {
      spec.given(answeredHistory).when(withdraw()).thenThrows(InvalidTransition);
    });
    it('refuses a malformed requester id', () => {
      const error = spec.given([requested]).when(withdraw('')).thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['requesterId']);
    });
  });

  describe('the time each step took', () => {
    it('measures received -> assigned (the first assignment) -> answered -> closed, and the total', () => {
      const state = foldEvents(supportRequestDecider, [
        requested,
        assigned('officer-1'),
        assigned('officer-2', '2025-03-05T08:00:00.000Z'),
        { ...answered, data: { ...answered.data, by: 'officer-2' } } as SupportRequestEvent,
        closed,
      ]);
      const hour = 3_600_000;
      expect(supportRequestDurations(state)).toEqual({
        receivedToAssigned: 24 * hour,
        assignedToAnswered: 6 * 24 * hour + 4 * hour,
        answeredToClosed: 24 * hour,
        total: 8 * 24 * hour + 4 * hour,
      });
      expect(supportRequestAge(state, '2025-04-01T00:00:00.000Z')).toBeNull();
    });
    it('leaves the steps not taken empty, and gives an open request its age', () => {
      const state = foldEvents(supportRequestDecider, [requested]);
      expect(supportRequestDurations(state)).toEqual({
        receivedToAssigned: null,
        assignedToAnswered: null,
        answeredToClosed: null,
        total: null,
      });
      expect(supportRequestAge(state, '2025-03-03T10:30:00.000Z')).toBe(2.5 * 3_600_000);
    });
    it('counts a withdrawn request’s total up to the withdrawal', () => {
      const state = foldEvents(supportRequestDecider, [requested, withdrawn]);
      expect(supportRequestDurations(state).total).toBe(24 * 3_600_000);
    });
  });

  it('changes nothing when a successful command is repeated, in any sequence', () => {
    repeatsChangeNothing(supportRequestDecider, [
      request,
      assign('officer-1'),
      assign('officer-2'),
      answer(),
      answer({ kind: 'advice', text: 'Voir le guide' }, 'officer-2'),
      close,
      command<CloseSupportRequest>('CloseSupportRequest', {}, 'officer-1', closedAt),
      withdraw(),
    ]);
  });
});
