import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tadamon/event-store';
import { agreementStreamName } from '../domain/agreement/agreement';
import { agreementId, signatories, terms } from '../domain/agreement/agreement.fixtures';
import { AGREEMENT_EXPIRY_ACTOR, AgreementExpiry } from './agreement-expiry';
import { PartnershipsCommands } from './partnerships-commands';

const OFFICER = { id: 'officer-1', roles: ['officer'] };
let dir: string;
let store: SqliteEventStore;
let commands: PartnershipsCommands;

const run = (type: string, data: Record<string, unknown>, now = '2025-03-01T10:00:00Z') =>
  commands.execute('agreement', agreementId, { type, data: { agreementId, ...data } } as never, OFFICER, {
    now,
  });

async function agreementInForce(): Promise<void> {
  await run('DraftAgreement', { ...terms });
  await run('SubmitAgreementForSignature', {});
  for (const partyId of signatories) await run('SignAgreement', { partyId, signedOn: '2025-03-01' });
}

const expiry = () => new AgreementExpiry(store, commands, { intervalMs: 0 });
const types = async () => (await store.readStream(agreementStreamName(agreementId))).map((e) => e.type);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tadamon-expiry-'));
  store = SqliteEventStore.open({ filename: join(dir, 'events.db') });
  commands = new PartnershipsCommands(store);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('agreement expiry', () => {
  it('leaves an agreement in force until the day after its end date, then records its expiry once', async () => {
    await agreementInForce();
    const process = expiry();
    expect(await process.expire(new Date('2027-12-31T23:00:00Z'))).toEqual({
      checked: 1,
      expired: 0,
      waiting: 0,
      failed: 0,
    });
    expect(await process.expire(new Date('2028-01-01T08:00:00Z'))).toMatchObject({ expired: 1 });
    expect(await process.expire(new Date('2028-01-02T08:00:00Z'))).toMatchObject({ checked: 0, expired: 0 });
    const recorded = await store.readStream(agreementStreamName(agreementId));
    const expired = recorded.filter((e) => e.type === 'AgreementExpired');
    expect(expired).toHaveLength(1);
    expect(expired[0].data).toMatchObject({ endDate: '2027-12-31', by: AGREEMENT_EXPIRY_ACTOR.id });
  });

  it('waits while a renewal awaits signatures, and counts from the renewed end date once in force', async () => {
    await agreementInForce();
    await run('RenewAgreement', { amendmentId: 'renewal-1', newEndDate: '2029-06-30', reason: 'delays' });
    expect(await expiry().expire(new Date('2028-02-01T08:00:00Z'))).toMatchObject({ waiting: 1, expired: 0 });
    for (const partyId of signatories)
      await run(
        'SignAmendment',
        { amendmentId: 'renewal-1', partyId, signedOn: '2028-02-02' },
        '2028-02-02T10:00:00Z',
      );
    expect(await expiry().expire(new Date('2028-03-01T08:00:00Z'))).toMatchObject({ checked: 1, expired: 0 });
    expect(await expiry().expire(new Date('2029-07-01T08:00:00Z'))).toMatchObject({ expired: 1 });
    expect((await types()).filter((t) => t === 'AgreementExpired')).toHaveLength(1);
  });

  it('records one expiry when two instances pass at once', async () => {
    await agreementInForce();
    const other = new AgreementExpiry(store, new PartnershipsCommands(store), { intervalMs: 0 });
    const now = new Date('2028-01-05T08:00:00Z');
    await Promise.all([expiry().expire(now), other.expire(now)]);
    expect((await types()).filter((t) => t === 'AgreementExpired')).toHaveLength(1);
  });

  it('never touches a draft or an agreement in negotiation', async () => {
    await run('DraftAgreement', { ...terms });
    expect(await expiry().expire(new Date('2030-01-01T00:00:00Z'))).toMatchObject({ checked: 0, expired: 0 });
    await run('SubmitAgreementForSignature', {});
    expect(await expiry().expire(new Date('2030-01-01T00:00:00Z'))).toMatchObject({ checked: 0, expired: 0 });
    expect(await types()).not.toContain('AgreementExpired');
  });

  it('sees an agreement drafted after its previous pass', async () => {
    const process = expiry();
    expect(await process.expire(new Date('2028-01-05T08:00:00Z'))).toMatchObject({ checked: 0 });
    await agreementInForce();
    expect(await process.expire(new Date('2028-01-05T08:00:00Z'))).toMatchObject({ checked: 1, expired: 1 });
  });
});
