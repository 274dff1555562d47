import { validateIatiActivities, writeIatiActivities } from '@tadamon/iati';
import { projectToIatiActivity } from './project-to-iati-activity';
import { generateProjectDocs } from './testing/generate-project-docs';

const COUNT = Number(process.env.IATI_GENERATED_PROJECTS ?? 10_000);

describe(`${COUNT} generated projects`, () => {
  it('are mapped, written and valid: zero XSD errors, zero rule or codelist errors', async () => {
    const docs = generateProjectDocs(COUNT, { asOf: '2026-06-30' });
    const started = performance.now();
    const activities = docs.map((doc) => projectToIatiActivity(doc));
    const mapped = performance.now();
    let bytes = 0;
    for (const chunk of writeIatiActivities(activities, { generatedAt: '2026-07-01T00:00:00Z' }))
      bytes += Buffer.byteLength(chunk);
    const written = performance.now();
    const result = await validateIatiActivities(activities, { now: new Date('2026-07-01T00:00:00Z') });
    const validated = performance.now();
    process.stderr.write(
      `${COUNT} projects: map ${(mapped - started).toFixed(0)} ms, write ${(written - mapped).toFixed(0)} ms ` +
        `(${(bytes / 1e6).toFixed(1)} MB), validate ${(validated - written).toFixed(0)} ms\n`,
    );
    expect(result.activities).toBe(COUNT);
    expect(result.schemaErrors).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The generator covers what the mapping has to handle.
    expect(new Set(activities.map((a) => a.status)).size).toBe(6);
    expect(new Set(activities.flatMap((a) => a.budgets.map((b) => b.value.currency)))).toEqual(
      new Set(['MAD', 'EUR', 'USD']),
    );
    expect(activities.some((a) => a.sectors.length === 3)).toBe(true);
    expect(activities.some((a) => a.transactions.some((t) => t.type === '3'))).toBe(true);
    expect(activities.some((a) => a.transactions.some((t) => t.type === '4'))).toBe(true);
    expect(activities.some((a) => a.locations.some((l) => l.point))).toBe(true);
  }, 120_000);
});
