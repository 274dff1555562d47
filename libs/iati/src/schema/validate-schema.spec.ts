import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { writeIatiActivities } from '../write-activities';
import { validateActivitiesAgainstSchema, validateAgainstSchema } from './validate-schema';

const xml = [...writeIatiActivities(DEMO_ACTIVITIES, { generatedAt: '2026-07-01T08:00:00Z' })].join('');

describe('validateAgainstSchema', () => {
  it('reports an element out of its place with its line', async () => {
    // the title moved before the reporting organisation, in the second activity (line 4)
    const lines = xml.split('\n');
    lines[3] = lines[3].replace(
      /(<reporting-org[\s\S]*?<\/reporting-org>)(<title>[\s\S]*?<\/title>)/,
      '$2$1',
    );
    const errors = await validateAgainstSchema(lines.join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4 });
    expect(errors[0].message).toMatch(/title/);
  });

  it('reports a date that is not a date', async () => {
    const errors = await validateAgainstSchema(
      xml.replace('iso-date="2025-03-01"', 'iso-date="2025-02-30x"'),
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBe(3);
    expect(errors[0].message).toMatch(/iso-date/);
  });

  it('reports a file that is not well-formed', async () => {
    const errors = await validateAgainstSchema(xml.replace('</title>', '</titel>'));
    expect(errors.length).toBeGreaterThan(0);
  });

  it('validates in batches and gives the line in the whole export and the activity at fault', async () => {
    const broken = DEMO_ACTIVITIES.map((a, i) =>
      i === 3 ? { ...a, dates: [{ type: '1' as const, isoDate: '2014-13-01' }] } : a,
    );
    const errors = await validateActivitiesAgainstSchema(broken, { batchSize: 2 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, activityIdentifier: DEMO_ACTIVITIES[3].identifier });
  });

  it('checks several files in one worker, each error at its line in the export, no status lines', async () => {
    const broken = DEMO_ACTIVITIES.map((a, i) =>
      i === 0 || i === 3 ? { ...a, dates: [{ type: '1' as const, isoDate: '2014-13-01' }] } : a,
    );
    const errors = await validateActivitiesAgainstSchema(broken, { batchSize: 2, concurrency: 1 });
    expect(errors.map((e) => [e.line, e.activityIdentifier])).toEqual([
      [3, DEMO_ACTIVITIES[0].identifier],
      [6, DEMO_ACTIVITIES[3].identifier],
    ]);
    expect(await validateActivitiesAgainstSchema(DEMO_ACTIVITIES, { batchSize: 2, concurrency: 1 })).toEqual(
      [],
    );
  });
});
