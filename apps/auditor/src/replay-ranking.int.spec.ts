import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tadamon/event-store';
import { FundingHarness, raceForAwards } from '@tadamon/funding/testing';
import { replayApplication } from '@tadamon/audit';

/*
 * The platform places an award in its call's ranking when it decides it (CallRanking.placeOf);
 * replay recomputes that place from the log just before the award. Both must rank alike, or every
 * award of a busy call would be reported: concurrent awards, commitments made but not yet recorded
 * as awards, and derogations are where they could part.
 */
describe("replay and the platform agree on each award's place in the funded set", () => {
  let dir: string | undefined;
  let funding: FundingHarness | undefined;
  afterEach(async () => {
    await funding?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds no difference after 30 concurrent awards with derogations, and notes each derogation', async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-ranking-'));
    funding = new FundingHarness(SqliteEventStore.open({ filename: join(dir, 'events.db') }));
    const race = await raceForAwards(funding, { applications: 30, derogations: 2 });
    const awarded = race.ids.filter((_, i) => race.outcomes[i].status === 'fulfilled');
    for (const applicationId of race.derogated) expect(awarded).toContain(applicationId);
    expect(awarded.length).toBeGreaterThan(race.derogated.size);

    for (const applicationId of race.ids) {
      const { result } = await replayApplication(funding.store, applicationId, {
        asOf: new Date(),
        withCurrentRules: true,
      });
      const { money } = result;
      const errors = money.findings.filter((f) => f.severity === 'error');
      expect({ applicationId, errors }).toEqual({ applicationId, errors: [] });
      const derogation = money.findings.find((f) => f.check === 'derogation');
      expect(derogation !== undefined).toBe(race.derogated.has(applicationId));
      // The rank today, with the rules recorded, is the one the platform shows.
      const shown = race.ranking.ranked.find((r) => r.applicationId === applicationId)?.rank ?? null;
      expect(result.currentRules?.rank?.recorded?.rank ?? null).toBe(shown);
    }
  }, 300_000);
});
