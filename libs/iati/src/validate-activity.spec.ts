import { DEMO_ACTIVITIES } from './testing/demo-activities';
import { validateActivity } from './validate-activity';

const NOW = new Date('2026-07-01T08:00:00Z');
const [FIGUIG] = DEMO_ACTIVITIES;
const ids = (activity: typeof FIGUIG) => validateActivity(activity, { now: NOW }).map((f) => f.ruleId);

describe('validateActivity', () => {
  it.each(DEMO_ACTIVITIES.map((a) => [a.identifier, a]))(
    'finds nothing in the demo project %s',
    (_, activity) => {
      expect(validateActivity(activity, { now: NOW })).toEqual([]);
    },
  );

  it('names the rule when the sector percentages do not sum to 100', () => {
    const findings = validateActivity(
      {
        ...FIGUIG,
        sectors: [
          { code: '31194', percentage: 60 },
          { code: '31140', percentage: 30 },
        ],
      },
      { now: NOW },
    );
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: '2.1.2', severity: 'error', activityIdentifier: FIGUIG.identifier }),
    ]);
  });

  it('names the rule when the dates are out of order', () => {
    expect(
      ids({
        ...FIGUIG,
        dates: [
          { type: '1', isoDate: '2025-03-01' },
          { type: '3', isoDate: '2024-03-01' },
        ],
      }),
    ).toEqual(['11.1.2']);
  });

  it('names the codelist of a code that is not in it', () => {
    const bad = { ...FIGUIG, defaultCurrency: 'XYZ' } as unknown as typeof FIGUIG;
    expect(ids(bad)).toEqual(['codelist:Currency']);
    const badSector = { ...FIGUIG, sectors: [{ code: '99999', percentage: 100 }] };
    expect(ids(badSector)).toEqual(['codelist:Sector']);
  });

  it('reports what the schema would refuse, without running it', () => {
    const findings = validateActivity(
      { ...FIGUIG, dates: [{ type: '1', isoDate: '2025-02-30' }], participatingOrgs: [] },
      { now: NOW },
    );
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['schema', 'participatingOrgs'],
      ['schema', 'dates[0].isoDate'],
    ]);
  });

  it('warns of a budget period over a year, as an error with the rule id 7.5.3', () => {
    const budgets = [{ ...FIGUIG.budgets[0], periodStart: '2025-01-01', periodEnd: '2026-06-30' }];
    expect(ids({ ...FIGUIG, budgets })).toEqual(['7.5.3']);
  });

  it('takes milliseconds for one project', () => {
    for (let i = 0; i < 20; i++) validateActivity(FIGUIG, { now: NOW }); // warm up
    const runs = 50;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) validateActivity(FIGUIG, { now: NOW });
    const msEach = Number(process.hrtime.bigint() - start) / 1e6 / runs;
    expect(msEach).toBeLessThan(50); // a shared 2-core machine; a few ms when idle
  });
});
