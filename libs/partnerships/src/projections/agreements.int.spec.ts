import { agreementsFilter, agreementView } from './agreement-view';
import { AgreementDoc, agreementsProjection, PARTNERSHIPS_AGREEMENTS } from './agreements';
import { documentKey } from './document-keys';
import { cri, iom, migdev, ministry, signAmendmentAs, signAs } from './testing/fixtures';
import { hashes, PartnershipsLog, projectLog, replayFromStart } from './testing/partnerships-log';
import { expectStaleDeliveriesIgnored } from './testing/projection-checks';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

const object = { fr: 'Convention ICMD phase 2 : eau potable', ar: 'اتفاقية' };
const sha = (c: string) => c.repeat(64);

/** agr.1 in force, amended (a party added), a renewal half signed; agr-2 a draft; agr-3 suspended then terminated. */
function scenario(): PartnershipsLog {
  const log = new PartnershipsLog();
  log.agreement('DraftAgreement', {
    agreementId: 'agr.1',
    object,
    programmeId: 'icmd2',
    parties: [ministry, iom, migdev],
    startDate: '2025-04-01',
    endDate: '2027-12-31',
    sectors: ['14030'],
  });
  log.agreement('SubmitAgreementForSignature', { agreementId: 'agr.1' });
  signAs(log, 'agr.1', 'iom', '2025-02-20');
  signAs(log, 'agr.1', 'md.0001', '2025-02-25');
  signAs(log, 'agr.1', 'mre-ministry', '2025-03-01');
  log.agreement('AttachAgreementDocument', {
    agreementId: 'agr.1',
    document: {
      sha256: sha('a'),
      name: 'convention.pdf',
      mediaType: 'application/pdf',
      size: 1200,
      kind: 'signed-convention',
    },
  });
  log.agreement('AttachAgreementDocument', {
    agreementId: 'agr.1',
    document: {
      sha256: sha('b'),
      name: 'annexe.pdf',
      mediaType: 'application/pdf',
      size: 300,
      kind: 'annex',
    },
  });
  log.now = '2025-09-01T10:00:00.000Z';
  log.agreement('DetachAgreementDocument', { agreementId: 'agr.1', sha256: sha('b'), reason: 'wrong file' });
  log.agreement('ProposeAmendment', {
    agreementId: 'agr.1',
    amendmentId: 'amd.2',
    changes: { parties: [cri, iom, migdev, ministry] },
    reason: 'Le CRI rejoint la convention',
  });
  for (const party of ['cri-souss', 'iom', 'md.0001'])
    signAmendmentAs(log, 'agr.1', 'amd.2', party, '2025-08-30');
  signAmendmentAs(log, 'agr.1', 'amd.2', 'mre-ministry', '2025-09-01');
  log.now = '2026-01-10T10:00:00.000Z';
  log.agreement('RenewAgreement', {
    agreementId: 'agr.1',
    amendmentId: 'amd-3',
    newEndDate: '2028-12-31',
    reason: 'Travaux retardés',
  });
  signAmendmentAs(log, 'agr.1', 'amd-3', 'iom', '2026-01-09');

  log.agreement('DraftAgreement', {
    agreementId: 'agr-2',
    object,
    programmeId: 'eu-mobility',
    parties: [ministry, { ...migdev, partyId: 'assoc-x' }],
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  log.agreement('ReviseAgreementDraft', {
    agreementId: 'agr-2',
    changes: { parties: [ministry, { ...migdev, partyId: 'assoc-y' }], programmeId: null },
  });

  log.now = '2025-03-01T10:00:00.000Z';
  log.agreement('DraftAgreement', {
    agreementId: 'agr-3',
    object,
    parties: [ministry, cri],
    startDate: '2025-01-01',
    endDate: '2026-12-31',
  });
  log.agreement('SubmitAgreementForSignature', { agreementId: 'agr-3' });
  signAs(log, 'agr-3', 'cri-souss', '2025-03-01');
  signAs(log, 'agr-3', 'mre-ministry', '2025-03-01');
  log.now = '2025-05-01T10:00:00.000Z';
  log.agreement('SuspendAgreement', { agreementId: 'agr-3', reason: 'audit' });
  log.now = '2025-06-01T10:00:00.000Z';
  log.agreement('ResumeAgreement', { agreementId: 'agr-3' });
  log.now = '2025-07-01T10:00:00.000Z';
  log.agreement('SuspendAgreement', { agreementId: 'agr-3', reason: 'second audit' });
  log.now = '2025-08-01T10:00:00.000Z';
  log.agreement('TerminateAgreement', {
    agreementId: 'agr-3',
    reason: 'accounts not kept',
    effectiveOn: '2025-09-01',
  });
  return log;
}

describe.each(READ_STORES)('agreements read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const agreements = () => store.docs.collection<AgreementDoc>(PARTNERSHIPS_AGREEMENTS);
  const get = async (id: string) => (await agreements().get(id)) as AgreementDoc;

  it('shows the versions side by side, who signed each and when, and the amendment awaiting signatures', async () => {
    await projectLog(scenario(), agreementsProjection, store.docs);
    const view = agreementView(await get('agr.1'));
    expect(view).toMatchObject({ agreementId: 'agr.1', status: 'in-force', currentVersion: 2 });
    expect(
      view.versions.map((v) => [v.version, v.kind, v.effectiveOn, v.terms.parties.map((p) => p.partyId)]),
    ).toEqual([
      [1, 'original', '2025-03-01', ['iom', 'md.0001', 'mre-ministry']],
      [2, 'amendment', '2025-09-01', ['cri-souss', 'iom', 'md.0001', 'mre-ministry']],
    ]);
    expect(view.versions[0].signatures).toEqual([
      {
        partyId: 'iom',
        signatoryId: 'sig-iom',
        signedOn: '2025-02-20',
        recordedAt: '2025-03-01T10:00:00.000Z',
      },
      {
        partyId: 'md.0001',
        signatoryId: 'sig-md.0001',
        signedOn: '2025-02-25',
        recordedAt: '2025-03-01T10:00:00.000Z',
      },
      {
        partyId: 'mre-ministry',
        signatoryId: 'sig-mre-ministry',
        signedOn: '2025-03-01',
        recordedAt: '2025-03-01T10:00:00.000Z',
      },
    ]);
    expect(view.versions[1].differences).toEqual([expect.stringContaining('$.parties.cri-souss: added')]);
    expect(view.versions[1].reason).toBe('Le CRI rejoint la convention');
    expect(view.pending).toMatchObject({
      version: 3,
      amendmentId: 'amd-3',
      kind: 'renewal',
      changes: { endDate: '2028-12-31' },
      awaiting: ['cri-souss', 'md.0001', 'mre-ministry'],
      signatures: [{ partyId: 'iom', signatoryId: 'sig-iom', signedOn: '2026-01-09' }],
    });
    expect(view.pending?.terms.endDate).toBe('2028-12-31');
    // Until the renewal is signed by all, the terms in force keep the old end date.
    expect(view.terms.endDate).toBe('2027-12-31');
    expect(view.commitmentTotals).toEqual([
      { amountMinor: '130000000', currency: 'MAD' },
      { amountMinor: '50000000', currency: 'USD' },
    ]);
    expect(view.inKindEstimateTotals).toEqual([{ amountMinor: '17000000', currency: 'MAD' }]);
    expect(view.documents.map((d) => [d.name, d.kind, d.detached?.reason ?? null])).toEqual([
      ['convention.pdf', 'signed-convention', null],
      ['annexe.pdf', 'annex', 'wrong file'],
    ]);
    // Keys of signature maps escape the dot of md.0001.
    expect(Object.keys((await get('agr.1')).versions['original'].signatures)).toContain(
      documentKey('md.0001'),
    );
  });

  it('enters the renewal into force at the last signature: version 3 current, end date moved', async () => {
    const log = scenario();
    log.now = '2026-01-10T10:00:00.000Z';
    for (const party of ['cri-souss', 'md.0001', 'mre-ministry'])
      signAmendmentAs(log, 'agr.1', 'amd-3', party, '2026-01-10');
    await projectLog(log, agreementsProjection, store.docs);
    const view = agreementView(await get('agr.1'));
    expect(view.currentVersion).toBe(3);
    expect(view.pending).toBeNull();
    expect(view.versions.map((v) => v.terms.endDate)).toEqual(['2027-12-31', '2027-12-31', '2028-12-31']);
    expect(view.terms.parties.map((p) => p.partyId)).toEqual(['cri-souss', 'iom', 'md.0001', 'mre-ministry']);
  });

  it('keeps a withdrawn amendment apart, and its version number free again', async () => {
    const log = scenario();
    log.agreement('WithdrawAmendment', {
      agreementId: 'agr.1',
      amendmentId: 'amd-3',
      reason: 'dates unsure',
    });
    log.agreement('ProposeAmendment', {
      agreementId: 'agr.1',
      amendmentId: 'amd-4',
      changes: { sectors: ['14030', '11220'] },
      reason: 'Ajout de l’éducation',
    });
    await projectLog(log, agreementsProjection, store.docs);
    const view = agreementView(await get('agr.1'));
    expect(view.withdrawn.map((v) => [v.amendmentId, v.version, v.withdrawal?.reason])).toEqual([
      ['amd-3', 3, 'dates unsure'],
    ]);
    expect(view.pending).toMatchObject({
      amendmentId: 'amd-4',
      version: 3,
      awaiting: ['cri-souss', 'iom', 'md.0001', 'mre-ministry'],
    });
    expect(view.pending?.terms).toMatchObject({ endDate: '2027-12-31', sectors: ['11220', '14030'] });
  });

  it('finds the agreements of a party (a party added by amendment too), of a programme and by status', async () => {
    await projectLog(scenario(), agreementsProjection, store.docs);
    const ids = async (query: Parameters<typeof agreementsFilter>[0]) =>
      (await agreements().find(agreementsFilter(query), { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ partyId: 'md.0001' })).toEqual(['agr.1']);
    expect(await ids({ partyId: 'cri-souss' })).toEqual(['agr-3', 'agr.1']);
    expect(await ids({ partyId: 'mre-ministry' })).toEqual(['agr-2', 'agr-3', 'agr.1']);
    // The draft's parties were replaced before anyone signed: assoc-x was never bound.
    expect(await ids({ partyId: 'assoc-x' })).toEqual([]);
    expect(await ids({ partyId: 'assoc-y' })).toEqual(['agr-2']);
    expect(await ids({ programmeId: 'icmd2' })).toEqual(['agr.1']);
    expect(await ids({ programmeId: 'eu-mobility' })).toEqual([]);
    expect(await ids({ status: 'draft' })).toEqual(['agr-2']);
    expect(await ids({ status: 'terminated', partyId: 'cri-souss' })).toEqual(['agr-3']);
  });

  it('keeps suspensions as periods and the termination', async () => {
    await projectLog(scenario(), agreementsProjection, store.docs);
    const doc = await get('agr-3');
    expect(doc.suspended).toBeNull();
    const view = agreementView(doc);
    expect(view.status).toBe('terminated');
    expect(view.suspensions).toEqual([
      { reason: 'audit', from: '2025-05-01T10:00:00.000Z', to: '2025-06-01T10:00:00.000Z' },
      { reason: 'second audit', from: '2025-07-01T10:00:00.000Z', to: '2025-08-01T10:00:00.000Z' },
    ]);
    expect(view.ending).toEqual({
      kind: 'terminated',
      reason: 'accounts not kept',
      effectiveOn: '2025-09-01',
      at: '2025-08-01T10:00:00.000Z',
    });
    const draft = agreementView(await get('agr-2'));
    expect(draft).toMatchObject({ status: 'draft', currentVersion: 0, versions: [], pending: null });
    expect(draft.terms.parties.map((p) => p.partyId)).toEqual(['assoc-y', 'mre-ministry']);
    expect(draft.commitmentTotals).toEqual([{ amountMinor: '130000000', currency: 'MAD' }]);
  });

  it('gives the same documents when the log is replayed, rebuilt, or delivered again out of order', async () => {
    const log = scenario();
    const runner = await projectLog(log, agreementsProjection, store.docs);
    const { before, after, replayed } = await replayFromStart(store.docs, runner);
    expect(replayed).toBe(log.events.length);
    expect(after).toEqual(before);
    await runner.rebuild();
    expect(await hashes(store.docs, agreementsProjection)).toEqual(before);
    await expectStaleDeliveriesIgnored(store.docs, agreementsProjection, log.events);
  });
});
