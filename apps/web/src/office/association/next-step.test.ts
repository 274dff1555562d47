import { describe, expect, it } from 'vitest';
import { nextStep, tranchesOf } from './next-step';

const NOW = new Date('2026-06-01T12:00:00Z');
const tranche = (overrides: object) => ({
  trancheId: 't1',
  amount: { amountMinor: 100, currency: 'MAD' },
  dueOn: '2026-05-01',
  releasedAt: null,
  report: null,
  ...overrides,
});

describe('the next step of an application', () => {
  it('asks to complete and submit a draft, and waits for the platform after submission', () => {
    expect(nextStep({ status: 'draft' }, NOW)).toBe('complete');
    expect(nextStep({ status: 'submitted' }, NOW)).toBe('screening');
    expect(nextStep({ status: 'under-evaluation' }, NOW)).toBe('evaluation');
    expect(nextStep({ status: 'recommended' }, NOW)).toBe('committee');
  });

  it('offers an appeal of a rejection until its deadline, then none', () => {
    const rejected = (deadline: string, appeal: object | null = null) => ({
      status: 'rejected',
      decision: { kind: 'rejection', reasons: [], appealDeadline: deadline, decidedAt: '2026-05-01' },
      appeal,
    });
    expect(nextStep(rejected('2026-06-30T00:00:00Z'), NOW)).toBe('appeal');
    expect(nextStep(rejected('2026-05-30T00:00:00Z'), NOW)).toBe('closed');
    expect(nextStep(rejected('2026-06-30T00:00:00Z', { status: 'lodged', at: 'x' }), NOW)).toBe(
      'appealLodged',
    );
    expect(nextStep(rejected('2026-06-30T00:00:00Z', { status: 'dismissed', at: 'x' }), NOW)).toBe('closed');
  });

  it('asks for the report of a released tranche, again when it was returned, not while it is reviewed', () => {
    const awarded = (report: string | null) => ({
      status: 'awarded',
      agreement: { agreementId: 'a', signedOn: '2026-01-01' },
      tranches: [tranche({ releasedAt: '2026-05-02T00:00:00Z', report }), tranche({ trancheId: 't2' })],
    });
    expect(nextStep(awarded(null), NOW)).toBe('report');
    expect(nextStep(awarded('returned'), NOW)).toBe('report');
    expect(nextStep(awarded('submitted'), NOW)).toBe('followUp');
    expect(nextStep({ status: 'awarded', agreement: null, tranches: [] }, NOW)).toBe('agreement');
  });

  it('reads the tranches of the record (agreement.tranches, report as an object) as those of the list', () => {
    const record = {
      agreement: {
        tranches: [
          tranche({ releasedAt: '2026-05-02T00:00:00Z', report: { reportId: 'r', status: 'approved' } }),
        ],
      },
    };
    expect(tranchesOf(record)).toEqual([
      {
        trancheId: 't1',
        amount: { amountMinor: 100, currency: 'MAD' },
        dueOn: '2026-05-01',
        releasedAt: '2026-05-02T00:00:00Z',
        report: 'approved',
      },
    ]);
  });
});
