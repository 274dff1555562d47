import {
  PARTNERSHIPS_SUPPORT_REQUESTS,
  SupportRequestDoc,
  supportRequestsFilter,
  supportRequestsProjection,
  supportRequestView,
} from './support-requests';
import { hashes, PartnershipsLog, projectLog, replayFromStart } from './testing/partnerships-log';
import { expectStaleDeliveriesIgnored } from './testing/projection-checks';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

const HOUR = 3_600_000;
const at = (day: number, hour = 9) =>
  `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** r.1 through every step (re-assigned once); r.2 assigned, waiting; r.3 withdrawn; r.4 just received. */
function scenario(): PartnershipsLog {
  const log = new PartnershipsLog();
  const request = (requestId: string, requesterId: string, day: number, projectId: string | null = null) => {
    log.now = at(day);
    log.supportRequest('RequestSupport', {
      requestId,
      requesterId,
      projectId,
      kind: 'technical',
      subject: `Demande ${requestId}`,
      description: 'Étude hydrogéologique',
    });
  };
  request('r.1', 'md.0001', 1, 'p.1');
  request('r.2', 'assoc-lyon', 2);
  request('r.3', 'md.0001', 3);
  request('r.4', 'assoc-tanger', 10);
  log.now = at(1, 13);
  log.supportRequest('AssignSupportRequest', { requestId: 'r.1', officerId: 'officer-2' });
  log.now = at(2, 9);
  log.supportRequest('AssignSupportRequest', { requestId: 'r.1', officerId: 'officer-3' });
  log.now = at(4, 9);
  log.as('officer-3', () =>
    log.supportRequest('AnswerSupportRequest', {
      requestId: 'r.1',
      answer: { kind: 'introduction', actorId: 'cri-souss', note: 'Le CRI suit ces études' },
    }),
  );
  log.now = at(5, 9);
  log.supportRequest('CloseSupportRequest', { requestId: 'r.1', note: 'Mise en relation faite' });
  log.now = at(6, 9);
  log.supportRequest('AssignSupportRequest', { requestId: 'r.2', officerId: 'officer-2' });
  log.as('md-user', () =>
    log.supportRequest('WithdrawSupportRequest', {
      requestId: 'r.3',
      requesterId: 'md.0001',
      reason: 'réglé',
    }),
  );
  return log;
}

describe.each(READ_STORES)('support requests read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const requests = () => store.docs.collection<SupportRequestDoc>(PARTNERSHIPS_SUPPORT_REQUESTS);
  const view = async (id: string, now = at(11)) =>
    supportRequestView((await requests().get(id)) as SupportRequestDoc, now);

  it('keeps each step’s instant and gives the domain’s durations, from the first assignment', async () => {
    await projectLog(scenario(), supportRequestsProjection, store.docs);
    const closed = await view('r.1');
    expect(closed).toMatchObject({
      requesterId: 'md.0001',
      projectId: 'p.1',
      kind: 'technical',
      subject: 'Demande r.1',
      status: 'closed',
      officerId: 'officer-3',
      answerKind: 'introduction',
      answeredBy: 'officer-3',
      receivedAt: at(1),
      assignedAt: at(1, 13),
      answeredAt: at(4),
      closedAt: at(5),
      closingNote: 'Mise en relation faite',
      open: false,
      ageMs: null,
    });
    expect(closed.assignments.map((a) => a.officerId)).toEqual(['officer-2', 'officer-3']);
    expect(closed.durations).toEqual({
      receivedToAssigned: 4 * HOUR,
      assignedToAnswered: 2 * 24 * HOUR + 20 * HOUR,
      answeredToClosed: 24 * HOUR,
      total: 4 * 24 * HOUR,
    });
    expect(await view('r.2')).toMatchObject({
      status: 'assigned',
      durations: { receivedToAssigned: 4 * 24 * HOUR, assignedToAnswered: null, total: null },
      ageMs: 9 * 24 * HOUR,
    });
    expect(await view('r.3')).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'réglé',
      durations: { receivedToAssigned: null, total: 3 * 24 * HOUR },
      ageMs: null,
    });
  });

  it('lists requests by status and age, oldest first, and by requester or officer', async () => {
    await projectLog(scenario(), supportRequestsProjection, store.docs);
    const ids = async (query: Parameters<typeof supportRequestsFilter>[0]) =>
      (await requests().find(supportRequestsFilter(query), { sort: { receivedAt: 1 } })).map((d) => d._id);
    expect(await ids({ openOnly: true })).toEqual(['r.2', 'r.4']);
    expect(await ids({ status: 'received' })).toEqual(['r.4']);
    expect(await ids({ status: ['closed', 'withdrawn'] })).toEqual(['r.1', 'r.3']);
    // Open and waiting for more than 5 days at the 11th.
    expect(await ids({ openOnly: true, receivedBefore: at(6) })).toEqual(['r.2']);
    expect(await ids({ requesterId: 'md.0001' })).toEqual(['r.1', 'r.3']);
    expect(await ids({ officerId: 'officer-2' })).toEqual(['r.2']);
    expect(await ids({ projectId: 'p.1' })).toEqual(['r.1']);
  });

  it('gives the same documents when the log is replayed, rebuilt, or delivered again out of order', async () => {
    const log = scenario();
    const runner = await projectLog(log, supportRequestsProjection, store.docs);
    const { before, after } = await replayFromStart(store.docs, runner);
    expect(after).toEqual(before);
    await runner.rebuild();
    expect(await hashes(store.docs, supportRequestsProjection)).toEqual(before);
    await expectStaleDeliveriesIgnored(store.docs, supportRequestsProjection, log.events);
    expect((await view('r.1')).assignments).toHaveLength(2);
  });
});
