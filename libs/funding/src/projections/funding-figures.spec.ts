import { MingoDocumentStore } from '@tadamon/read-store';
import { FUNDING_APPLICATIONS } from './applications';
import { FUNDING_CALLS } from './calls';
import { FUNDING_ENVELOPES } from './envelopes';
import { fundingFigures } from './funding-figures';

const NOW = '2026-06-01T00:00:00.000Z';
const MAX = Number.MAX_SAFE_INTEGER;

/** The documents as the projections hold them, the fields the figures read. */
async function store() {
  const docs = new MingoDocumentStore();
  const award = (amountMinor: number, currency: string) => ({
    kind: 'award',
    amount: { amountMinor, currency },
    envelopeId: 'env-1',
    decidedAt: NOW,
  });
  const applications = docs.collection(FUNDING_APPLICATIONS);
  await applications.upsert('a1', { $set: { status: 'awarded', decision: award(MAX, 'USD') } });
  await applications.upsert('a2', { $set: { status: 'awarded', decision: award(MAX, 'USD') } });
  await applications.upsert('a3', { $set: { status: 'awarded', decision: award(100, 'EUR') } });
  // Withdrawn after its award: the decision stays on the board, the award no longer counts.
  await applications.upsert('a4', { $set: { status: 'withdrawn', decision: award(500, 'EUR') } });
  await applications.upsert('a5', { $set: { status: 'recommended', decision: null } });
  const calls = docs.collection(FUNDING_CALLS);
  await calls.upsert('c1', { $set: { status: 'published', deadline: '2026-07-01T00:00:00.000Z' } });
  await calls.upsert('c2', { $set: { status: 'published', deadline: '2026-05-01T00:00:00.000Z' } });
  await calls.upsert('c3', { $set: { status: 'draft', deadline: '2026-07-01T00:00:00.000Z' } });
  await calls.upsert('c4', { $set: { status: 'closed', deadline: '2026-07-01T00:00:00.000Z' } });
  const envelopes = docs.collection(FUNDING_ENVELOPES);
  await envelopes.upsert('e1', { $set: { programmeId: 'p1' } });
  await envelopes.upsert('e2', { $set: { programmeId: 'p1' } });
  await envelopes.upsert('e3', { $set: { programmeId: 'p2' } });
  return docs;
}

describe('funding figures for the portal', () => {
  it('are zero when nothing is recorded', async () => {
    expect(await fundingFigures(new MingoDocumentStore(), NOW)).toEqual({
      awards: 0,
      awarded: {},
      openCalls: 0,
      programmes: 0,
    });
  });

  it('count awards not withdrawn, sum them per currency exactly past 2^53, and count open calls and programmes', async () => {
    expect(await fundingFigures(await store(), NOW)).toEqual({
      awards: 3,
      awarded: { EUR: '100', USD: (2n * BigInt(MAX)).toString() },
      openCalls: 1,
      programmes: 2,
    });
  });
});
