import { describe, expect, it } from 'vitest';
import { awaitsSignatureOf, pendingVersion, versionColumns } from './agreement-versions';

const signature = (partyId: string, signedOn: string) => ({
  partyId,
  signatoryId: `user-${partyId}`,
  signedOn,
  recordedAt: `${signedOn}T10:00:00Z`,
});

/** The Souss-Massa agreement as the API answers it, with a third version awaiting signatures. */
const AGREEMENT = {
  status: 'in-force',
  versions: [
    {
      version: 2,
      amendmentId: 'renewal-2017',
      kind: 'renewal',
      reason: 'Travaux retardés',
      differences: ['$.endDate: "2017-12-31" -> "2018-06-30"'],
      signatories: ['actor-ministry', 'assoc-md'],
      signatures: [signature('assoc-md', '2017-11-02'), signature('actor-ministry', '2017-11-01')],
      awaiting: [],
      terms: { startDate: '2014-09-01', endDate: '2018-06-30' },
      effectiveOn: '2017-11-02',
      withdrawal: null,
    },
    {
      version: 1,
      amendmentId: null,
      kind: 'original',
      reason: null,
      differences: [],
      signatories: ['actor-ministry', 'assoc-md'],
      signatures: [signature('actor-ministry', '2014-07-15'), signature('assoc-md', '2014-07-30')],
      awaiting: [],
      terms: { startDate: '2014-09-01', endDate: '2017-12-31' },
      effectiveOn: '2014-07-30',
      withdrawal: null,
    },
  ],
  pending: {
    version: 3,
    amendmentId: 'amendment-3',
    kind: 'amendment',
    reason: 'Nouvelle commune',
    differences: ['$.regions: …'],
    signatories: ['actor-ministry', 'assoc-md'],
    signatures: [signature('actor-ministry', '2018-01-10')],
    awaiting: ['assoc-md'],
    terms: { startDate: '2014-09-01', endDate: '2018-06-30' },
    effectiveOn: null,
    withdrawal: null,
  },
  withdrawn: [],
};

describe('the versions of an agreement, side by side', () => {
  it('sets the original, the renewal and the pending amendment in version order, each signatory with its own signature', () => {
    const columns = versionColumns(AGREEMENT);
    expect(columns.map((c) => [c.version, c.kind, c.state])).toEqual([
      [1, 'original', 'in-force'],
      [2, 'renewal', 'in-force'],
      [3, 'amendment', 'awaiting-signatures'],
    ]);
    expect(columns[1]).toMatchObject({
      amendmentId: 'renewal-2017',
      endDate: '2018-06-30',
      effectiveOn: '2017-11-02',
      differences: ['$.endDate: "2017-12-31" -> "2018-06-30"'],
    });
    // Signatures come in signing order; the page lists them in the order of the signatories.
    expect(columns[1].signatories.map((s) => [s.partyId, s.signature?.signedOn])).toEqual([
      ['actor-ministry', '2017-11-01'],
      ['assoc-md', '2017-11-02'],
    ]);
    expect(columns[2].signatories.map((s) => s.signature?.signedOn)).toEqual(['2018-01-10', undefined]);
  });

  it('knows which version awaits signatures and whether the reader’s organisation is still to sign it', () => {
    expect(pendingVersion(AGREEMENT)?.amendmentId).toBe('amendment-3');
    expect(awaitsSignatureOf(AGREEMENT, 'assoc-md')).toBe(true);
    expect(awaitsSignatureOf(AGREEMENT, 'actor-ministry')).toBe(false);
    expect(awaitsSignatureOf(AGREEMENT, null)).toBe(false);
    expect(awaitsSignatureOf({ ...AGREEMENT, pending: null }, 'assoc-md')).toBe(false);
  });

  it('keeps a withdrawn version with its reason, and reads a record missing fields without failing', () => {
    const withdrawn = versionColumns({
      versions: [],
      pending: null,
      withdrawn: [{ version: 2, kind: 'amendment', withdrawal: { reason: 'Abandonné', at: 'x', by: 'y' } }],
    });
    expect(withdrawn).toEqual([
      expect.objectContaining({
        version: 2,
        state: 'withdrawn',
        withdrawalReason: 'Abandonné',
        signatories: [],
      }),
    ]);
    expect(versionColumns({})).toEqual([]);
  });
});
