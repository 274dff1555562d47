import { activityXml, validateActivity } from '@tadamon/iati';
import { MingoDocumentStore } from '@tadamon/read-store';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsProjection } from '../projections/projects';
import { projectLog } from '../projections/testing/partnerships-log';
import { projectScenario } from '../projections/testing/project-scenario';
import { majorUnits, MINISTRY_REPORTING_ORG, projectToIatiActivity } from './project-to-iati-activity';

const NOW = new Date('2026-12-01T00:00:00Z');

async function scenarioDocs(): Promise<Map<string, ProjectDoc>> {
  const docs = new MingoDocumentStore();
  await projectLog(projectScenario(), projectsProjection, docs);
  const all = await docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).find({});
  return new Map(all.map((d) => [d.projectId, d]));
}

describe('projectToIatiActivity', () => {
  let docs: Map<string, ProjectDoc>;
  beforeAll(async () => {
    docs = await scenarioDocs();
  });
  const doc = (id: string) => docs.get(id) as ProjectDoc;

  it('maps a published project: identifier, texts, status, dates, organisations by role, places, sectors', () => {
    const activity = projectToIatiActivity(doc('p.1'));
    expect(activity.identifier).toBe('XI-IATI-MCMRE-p.1');
    expect(activity.reportingOrg).toBe(MINISTRY_REPORTING_ORG);
    expect(activity.title).toEqual({ fr: 'Projet p.1', ar: 'مشروع p.1' });
    expect(activity.description).toEqual({ fr: 'Adduction d’eau potable' });
    expect(activity.status).toBe('3');
    expect(activity.dates).toEqual([
      { type: '1', isoDate: '2025-07-01' },
      { type: '2', isoDate: '2025-06-02' },
      { type: '3', isoDate: '2026-06-30' },
    ]);
    expect(activity.participatingOrgs.map((o) => [o.role, o.names.fr])).toEqual([
      ['4', 'md.0001'],
      ['1', 'iom'],
      ['2', 'mre-ministry'],
    ]);
    expect(activity.locations).toEqual([
      expect.objectContaining({
        ref: 'MA-TIZ',
        point: { lat: 29.723146, lon: -8.975 },
        administrative: [{ vocabulary: 'A4', code: 'MA', level: 0 }],
      }),
    ]);
    expect(activity.locations[0].name.fr).toMatch(/^Tafraout, Tiznit/);
    expect(activity.sectors).toEqual([
      { code: '14030', percentage: 50 },
      { code: '11220', percentage: 50 },
    ]);
    expect(activity.lastUpdated).toBe('2025-09-01T09:00:00.000Z');
  });

  it('writes the budget lines as yearly budgets per currency in major units, adding up to the lines', () => {
    const activity = projectToIatiActivity(doc('p.1'));
    expect(activity.defaultCurrency).toBe('MAD');
    const total = (currency: string) =>
      activity.budgets.filter((b) => b.value.currency === currency).reduce((s, b) => s + b.value.amount, 0);
    expect(total('MAD')).toBeCloseTo(200_000, 2);
    expect(total('EUR')).toBeCloseTo(10_000, 2);
    expect(activity.budgets.map((b) => [b.periodStart, b.periodEnd, b.value.currency])).toEqual([
      ['2025-07-01', '2025-12-31', 'EUR'],
      ['2025-07-01', '2025-12-31', 'MAD'],
      ['2026-01-01', '2026-06-30', 'EUR'],
      ['2026-01-01', '2026-06-30', 'MAD'],
    ]);
    expect(activity.budgets.every((b) => b.status === '2' && b.type === '1')).toBe(true);
    expect(majorUnits({ amountMinor: 12_345_67, currency: 'MAD' })).toBe(12_345.67);
  });

  it('publishes disbursements (3) and expenditures (4) without their internal descriptions', () => {
    const activity = projectToIatiActivity(doc('p.1'));
    expect(
      activity.transactions.map((t) => [t.type, t.ref, t.date, t.value.amount, t.value.currency]),
    ).toEqual([
      ['3', 't.1', '2025-08-01', 80_000, 'MAD'],
      ['3', 't.2', '2025-08-15', 20_000, 'MAD'],
      ['4', 'e.1', '2025-08-20', 45_000, 'MAD'],
    ]);
    expect(activity.transactions.every((t) => t.description === undefined)).toBe(true);
    expect(activity.transactions[0].provider).toBe(MINISTRY_REPORTING_ORG);
    expect(activity.transactions[0].receiver?.names.fr).toBe('md.0001');
  });

  it('writes nothing personal nor internal: no user id, no reason, no expenditure note, no label, no document', () => {
    const xml = ['p.1', 'p.2', 'p.3'].map((id) => activityXml(projectToIatiActivity(doc(id)))).join('\n');
    for (const secret of [
      'officer-1',
      'note interne',
      'Facture',
      'nappe introuvable',
      'Ligne 0',
      'Forage réalisé',
      'budget-detaille',
      'chantier.jpg',
      'contact-info',
    ])
      expect(xml).not.toContain(secret);
  });

  it('names a replica after its original (related-activity type 3); a project cancelled before it started has no actual date', () => {
    expect(projectToIatiActivity(doc('p.2')).relatedActivities).toEqual([
      { ref: 'XI-IATI-MCMRE-p.1', type: '3' },
    ]);
    const cancelled = projectToIatiActivity(doc('p.3'));
    expect(cancelled.status).toBe('5');
    // Cancelled from identification: never started, so no actual dates.
    expect(cancelled.dates.map((d) => d.type)).toEqual(['1', '3']);
  });

  it('takes the organisations a directory knows, with their IATI identifiers and types', () => {
    const activity = projectToIatiActivity(doc('p.1'), {
      organisations: (partyId) =>
        partyId === 'iom'
          ? { ref: 'XM-DAC-47066', type: '40', names: { en: 'International Organization for Migration' } }
          : undefined,
    });
    expect(activity.participatingOrgs[1]).toEqual({
      ref: 'XM-DAC-47066',
      type: '40',
      names: { en: 'International Organization for Migration' },
      role: '1',
    });
  });

  it('gives activities with no rule error for every project of the scenario, internal ones included', () => {
    for (const [id, project] of docs) {
      if (!project.plannedStart) continue; // the award-born project is incomplete: never publishable
      const errors = validateActivity(projectToIatiActivity(project), { now: NOW }).filter(
        (f) => f.severity === 'error',
      );
      expect({ id, errors }).toEqual({ id, errors: [] });
    }
  });

  it('lets the rules catch a tampered mapping (sector shares not summing to 100)', () => {
    const activity = projectToIatiActivity(doc('p.1'));
    const tampered = { ...activity, sectors: [{ code: '14030', percentage: 40 }, activity.sectors[1]] };
    expect(validateActivity(tampered, { now: NOW }).map((f) => f.ruleId)).toContain('2.1.2');
  });
});
