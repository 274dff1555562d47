import { validateIatiActivities } from '../validate-activities';
import { writeIatiActivities } from '../write-activities';
import { generateActivities } from './generate-activities';

const NOW = new Date('2026-07-01T08:00:00Z');

describe('generateActivities', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const write = (seed: number) =>
      [
        ...writeIatiActivities(generateActivities(50, { seed }), { generatedAt: '2026-07-01T00:00:00Z' }),
      ].join('');
    expect(write(1)).toBe(write(1));
    expect(write(1)).not.toBe(write(2));
  });

  it('makes projects of every status, currency and size of sector split', () => {
    const activities = [...generateActivities(500)];
    expect(new Set(activities.map((a) => a.status))).toEqual(new Set(['1', '2', '4']));
    expect(new Set(activities.map((a) => a.defaultCurrency))).toEqual(new Set(['MAD', 'EUR', 'USD']));
    expect(new Set(activities.map((a) => a.sectors.length))).toEqual(new Set([1, 2, 3]));
    expect(activities.some((a) => a.relatedActivities.length > 0)).toBe(true);
    expect(activities.some((a) => a.results.some((r) => r.indicators.some((i) => i.measure === '5')))).toBe(
      true,
    );
  });

  it('writes 10,000 projects with zero schema errors, zero rule errors and zero codelist errors', async () => {
    const activities = [...generateActivities(10_000)];
    const { schemaErrors, findings } = await validateIatiActivities(activities, {
      now: NOW,
      batchSize: 2500,
    });
    expect(schemaErrors).toEqual([]);
    expect(findings).toEqual([]);
  }, 600_000);
});
