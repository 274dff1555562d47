import { SubmitIndicatorUpdate } from '../domain/results/results-commands';
import {
  IndicatorUpdateDoc,
  indicatorUpdateDocId,
  indicatorUpdatesFilter,
  PARTNERSHIPS_INDICATOR_UPDATES,
  PARTNERSHIPS_RESULTS,
  ResultsDoc,
  resultsProjection,
} from './results';
import { resultsView } from './results-view';
import { hashes, PartnershipsLog, projectLog, replayFromStart } from './testing/partnerships-log';
import { expectStaleDeliveriesIgnored } from './testing/projection-checks';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

const H2_2025 = { periodStart: '2025-07-01', periodEnd: '2025-12-31' };
const H1_2026 = { periodStart: '2026-01-01', periodEnd: '2026-06-30' };
const MONITOR = 'monitor.7';

function scenario(): PartnershipsLog {
  const log = new PartnershipsLog();
  log.now = '2026-02-10T09:00:00.000Z';
  const define = (projectId: string) => {
    log.results('DefineResult', {
      projectId,
      resultId: 'oc.1',
      level: 'outcome',
      title: { fr: 'Accès à l’eau' },
    });
    log.results('DefineIndicator', {
      projectId,
      resultId: 'oc.1',
      indicatorId: 'households',
      title: { fr: 'Ménages raccordés' },
      measure: 'unit',
      unit: 'ménages',
      ascending: true,
      aggregation: 'cumulative',
      baseline: { year: 2024, value: 0 },
      targets: [
        { ...H2_2025, value: 120 },
        { ...H1_2026, value: 300 },
      ],
    });
  };
  const submit = (data: Omit<SubmitIndicatorUpdate['data'], 'evidence'>) =>
    log.as(MONITOR, () =>
      log.results('SubmitIndicatorUpdate', {
        ...data,
        evidence: [{ sha256: 'b'.repeat(64), name: 'pv.pdf' }],
      }),
    );
  define('p.1');
  log.results('DefineResult', {
    projectId: 'p.1',
    resultId: 'op.1',
    level: 'output',
    title: { fr: 'Formations' },
  });
  log.results('DefineIndicator', {
    projectId: 'p.1',
    resultId: 'op.1',
    indicatorId: 'share.women',
    title: { fr: 'Part de femmes formées' },
    measure: 'percentage',
    ascending: true,
    aggregation: 'periodic',
    baseline: { year: 2024, value: 10 },
    targets: [{ ...H2_2025, value: 40 }],
  });
  submit({ projectId: 'p.1', updateId: 'u.1', indicatorId: 'households', ...H2_2025, value: 95 });
  log.results('ApproveIndicatorUpdate', { projectId: 'p.1', updateId: 'u.1' });
  log.now = '2026-02-11T09:00:00.000Z';
  submit({
    projectId: 'p.1',
    updateId: 'u.2',
    indicatorId: 'households',
    ...H2_2025,
    value: 110,
    comment: 'corrigé',
  });
  submit({ projectId: 'p.1', updateId: 'u.3', indicatorId: 'households', ...H1_2026, value: 60 });
  log.as('officer-2', () =>
    log.results('ReturnIndicatorUpdate', { projectId: 'p.1', updateId: 'u.3', reason: 'PV non signé' }),
  );
  submit({ projectId: 'p.1', updateId: 'u.4', indicatorId: 'share.women', ...H2_2025, value: 25 });
  log.results('ApproveIndicatorUpdate', { projectId: 'p.1', updateId: 'u.4' });
  log.results('ReviseIndicatorTargets', {
    projectId: 'p.1',
    indicatorId: 'households',
    targets: [
      { ...H2_2025, value: 120 },
      { ...H1_2026, value: 320 },
    ],
  });
  define('p.2');
  // The same update id in another project: a document of its own in the queue.
  submit({ projectId: 'p.2', updateId: 'u.1', indicatorId: 'households', ...H2_2025, value: 12 });
  return log;
}

describe.each(READ_STORES)('results read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const frameworks = () => store.docs.collection<ResultsDoc>(PARTNERSHIPS_RESULTS);
  const updates = () => store.docs.collection<IndicatorUpdateDoc>(PARTNERSHIPS_INDICATOR_UPDATES);

  it('shows results with their indicators, baseline, targets and progress from approved updates only', async () => {
    await projectLog(scenario(), resultsProjection, store.docs);
    const view = resultsView((await frameworks().get('p.1')) as ResultsDoc);
    expect(view.map((r) => [r.resultId, r.level, r.indicators.map((i) => i.indicatorId)])).toEqual([
      ['oc.1', 'outcome', ['households']],
      ['op.1', 'output', ['share.women']],
    ]);
    const [households] = view[0].indicators;
    expect(households).toMatchObject({
      baseline: { year: 2024, date: null, value: 0, comment: null },
      targetsRevisedAt: '2026-02-11T09:00:00.000Z',
    });
    expect(households.progress).toEqual([
      { ...H2_2025, target: 120, actual: 95, progress: 0.7917, approved: 1, pending: 1 },
      { ...H1_2026, target: 320, actual: null, progress: null, approved: 0, pending: 0 },
    ]);
    expect(
      households.updates.map((u) => [u.updateId, u.status, u.submittedBy, u.decidedBy, u.returnReason]),
    ).toEqual([
      ['u.1', 'approved', MONITOR, 'officer-1', null],
      ['u.2', 'pending', MONITOR, null, null],
      ['u.3', 'returned', MONITOR, 'officer-2', 'PV non signé'],
    ]);
    expect(households.updates[0].evidence).toEqual([{ sha256: 'b'.repeat(64), name: 'pv.pdf' }]);
    expect(view[1].indicators[0].progress).toEqual([
      { ...H2_2025, target: 40, actual: 25, progress: 0.5, approved: 1, pending: 0 },
    ]);
  });

  it('lists the updates waiting for approval across projects, by project, and leaves out the officer’s own', async () => {
    await projectLog(scenario(), resultsProjection, store.docs);
    const ids = async (query: Parameters<typeof indicatorUpdatesFilter>[0]) =>
      (await updates().find(indicatorUpdatesFilter(query), { sort: { submittedAt: 1, _id: 1 } })).map(
        (d) => d._id,
      );
    expect(await ids({ status: 'pending' })).toEqual(['p.1/u.2', 'p.2/u.1']);
    expect(await ids({ status: 'pending', projectId: 'p.2' })).toEqual(['p.2/u.1']);
    expect(await ids({ status: 'pending', decidableBy: MONITOR })).toEqual([]);
    expect(await ids({ status: 'pending', decidableBy: 'officer-1' })).toEqual(['p.1/u.2', 'p.2/u.1']);
    expect(await ids({ status: 'returned' })).toEqual(['p.1/u.3']);
    expect(await ids({ projectId: 'p.1', indicatorId: 'share.women' })).toEqual(['p.1/u.4']);
    expect(await updates().get(indicatorUpdateDocId('p.1', 'u.3'))).toMatchObject({
      projectId: 'p.1',
      indicatorId: 'households',
      ...H1_2026,
      value: 60,
      status: 'returned',
      submittedBy: MONITOR,
      decidedBy: 'officer-2',
      decidedAt: '2026-02-11T09:00:00.000Z',
      returnReason: 'PV non signé',
    });
  });

  it('gives the same documents when the log is replayed, rebuilt, or delivered again out of order', async () => {
    const log = scenario();
    const runner = await projectLog(log, resultsProjection, store.docs);
    const { before, after } = await replayFromStart(store.docs, runner);
    expect(after).toEqual(before);
    await runner.rebuild();
    expect(await hashes(store.docs, resultsProjection)).toEqual(before);
    await expectStaleDeliveriesIgnored(store.docs, resultsProjection, log.events);
    // Its submission delivered again does not put a returned update back in the queue.
    expect((await updates().get('p.1/u.3'))?.status).toBe('returned');
  });
});
