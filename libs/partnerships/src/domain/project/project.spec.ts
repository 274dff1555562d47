import { DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, ValidationFailed } from '../errors';
import { projectIdForAward } from './decide-opening';
import { projectDecider, projectStreamName } from './project';
import { OpenProject } from './project-commands';
import { CofinancingExceedsBudget } from './project-errors';
import { ProjectEvent } from './project-events';
import {
  awardData,
  awardProjectId,
  carrierId,
  command,
  eur,
  mad,
  milestones,
  now,
  officer,
  open,
  openData,
  opened,
  openedFromAward,
  openFromAward,
  projectId,
  souss,
} from './project.fixtures';

const spec = DeciderSpecification.for(projectDecider);
const fieldsOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);
const openWith = (data: Partial<OpenProject['data']>): OpenProject =>
  command<OpenProject>('OpenProject', { ...openData, ...data });
const revised = (changes: object, previous: object, id = projectId): ProjectEvent => ({
  type: 'ProjectRevised',
  data: { projectId: id, changes, previous, revisedAt: now, by: officer },
});

describe('co-development project', () => {
  it('lives in streams of the project category, an award-born one named after its application', () => {
    expect(projectStreamName(projectId)).toBe('project-prj-tafraout-water');
    expect(projectStreamName(projectIdForAward('app-2025-017'))).toBe('project-award-app-2025-017');
  });

  describe('OpenProject', () => {
    it('opens an internal project in identification under its agreement, each location with its region', () => {
      spec.when(open).then([opened]);
    });
    it('opens a replica of another project without an agreement', () => {
      const event = spec.when(openWith({ agreementId: null, replicationOf: 'prj-original' }));
      event.then([
        {
          ...opened,
          data: {
            ...opened.data,
            agreementId: null,
            origin: { kind: 'replication', originalProjectId: 'prj-original' },
          },
        } as ProjectEvent,
      ]);
    });
    it('changes nothing when the same project is opened again', () => {
      spec.given([opened]).when(open).thenNothingHappened();
    });
    it('refuses other data under the same id', () => {
      spec
        .given([opened])
        .when(openWith({ plannedEnd: '2026-12-31' }))
        .thenThrows(AlreadyCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          openWith({
            projectId: '',
            carrierId: 'md 1',
            title: { fr: '' },
            description: { fr: 'ok', de: 'nein' } as never,
            participants: [{ partyId: 'iom', role: '9' as '1' }],
            agreementId: null,
            programmeId: 'p q',
            locations: [
              { area: { scheme: 'iso3166-2:1997', code: 'MA-13' } as never },
              { area: souss, point: { lat: 48.85, lon: -8.1234567 } },
            ],
            sectors: [{ code: '00000', percentageHundredths: 0 }],
            budgetLines: [{ lineId: 'x', label: { fr: 'X' }, amount: mad(0), periodStart: '2025-02-30' }],
            cofinancing: [{ partyId: 'iom', amount: { amountMinor: 1.5, currency: 'MAD' } }],
            milestones: [{ milestoneId: 'm1', title: { fr: 'M' }, due: 'soon' }],
            plannedStart: '2025-13-01',
            plannedEnd: '',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'projectId',
        'carrierId',
        'title.fr',
        'description.de',
        'participants[0].role',
        'programmeId',
        'locations[0].area.scheme',
        'locations[1].point.lat',
        'locations[1].point.lon',
        'sectors[0].code',
        'sectors[0].percentageHundredths',
        'budgetLines[0].amount.amountMinor',
        'budgetLines[0].periodStart',
        'cofinancing[0].amount',
        'milestones[0].due',
        'plannedStart',
        'plannedEnd',
        'agreementId',
      ]);
    });
    it('refuses a point outside its area’s outline (beyond 2 km), not one inside or just outside', () => {
      const at = (code: string, lat: number, lon: number) => ({
        area: { scheme: 'iso3166-2:2015' as const, code },
        point: { lat, lon },
      });
      const outside = spec
        // Tafraout lies in Tiznit, not in Taroudant nor in the Oriental.
        .when(openWith({ locations: [at('MA-TAR', 29.7245, -8.9744), at('MA-02', 29.7245, -8.9744)] }))
        .thenThrows(ValidationFailed);
      expect(outside.issues).toEqual([
        { field: 'locations[0].point', reason: expect.stringContaining('must lie in MA-TAR') },
        { field: 'locations[1].point', reason: expect.stringContaining('must lie in MA-02') },
      ]);
      // In its province and its region; and off Agadir's beach by 1 km (the outlines' tolerance).
      for (const location of [
        at('MA-TIZ', 29.7245, -8.9744),
        at('MA-09', 29.7245, -8.9744),
        at('MA-AGD', 30.42, -9.63),
      ])
        expect(
          projectDecider.decide(openWith({ locations: [location] }), projectDecider.initialState()),
        ).toHaveLength(1);
    });

    it('refuses sectors that do not sum to 100 % and duplicates of a sector, a line, a milestone', () => {
      const sums = spec
        .when(openWith({ sectors: [{ code: '14030', percentageHundredths: 9950 }] }))
        .thenThrows(ValidationFailed);
      expect(sums.issues).toEqual([{ field: 'sectors', reason: expect.stringContaining('not 99.5 %') }]);
      const duplicates = spec
        .when(
          openWith({
            sectors: [
              { code: '14030', percentageHundredths: 5000 },
              { code: '14030', percentageHundredths: 5000 },
            ],
            budgetLines: [openData.budgetLines[0], openData.budgetLines[0]],
            milestones: [milestones[0], { ...milestones[0], due: '2026-01-31' }],
            participants: [...openData.participants, openData.participants[0]],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(duplicates)).toEqual([
        'participants[3]',
        'sectors[1].code',
        'budgetLines[1].lineId',
        'milestones[1].milestoneId',
      ]);
    });
    it('refuses empty locations, sectors and budget lines', () => {
      const error = spec
        .when(openWith({ locations: [], sectors: [], budgetLines: [] }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['locations', 'sectors', 'budgetLines']);
    });
    it('refuses a carrier not implementing, a co-financer not participating, dates out of order', () => {
      const error = spec
        .when(
          openWith({
            participants: [{ partyId: carrierId, role: '2' }],
            cofinancing: [{ partyId: 'eu', amount: mad(1_00) }],
            plannedStart: '2026-01-15',
            plannedEnd: '2026-01-15',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'participants',
        'cofinancing[0].partyId',
        'plannedEnd',
        'budgetLines[0].periodStart',
        'budgetLines[0].periodEnd',
        'milestones[0].due',
      ]);
    });
    it('refuses co-financing above the budget lines of its currency', () => {
      spec
        .when(openWith({ cofinancing: [{ partyId: 'iom', amount: eur(10_000_01) }] }))
        .thenThrows(
          CofinancingExceedsBudget,
          (e) => e.cofinancing.amountMinor === '1000001' && e.budget.amountMinor === '1000000',
        );
      spec
        .when(openWith({ cofinancing: [{ partyId: 'iom', amount: { amountMinor: 1, currency: 'USD' } }] }))
        .thenThrows(CofinancingExceedsBudget, (e) => e.budget.amountMinor === '0');
    });
  });

  describe('OpenProjectFromAward', () => {
    it('opens an identification project from what GrantAwarded carries, the carrier implementing', () => {
      spec.when(openFromAward).then([openedFromAward]);
    });
    it('opens nothing twice when the award is delivered again, even after the officer completed it', () => {
      spec.given([openedFromAward]).when(openFromAward).thenNothingHappened();
      spec
        .given([openedFromAward, revised({ title: { fr: 'Coopérative' } }, { title: null }, awardProjectId)])
        .when(openFromAward)
        .thenNothingHappened();
    });
    it('takes title, summary, region, sectors and co-financing from the awarded project GrantAwarded carries', () => {
      const project = {
        title: { fr: 'Coopératives de Figuig', ar: 'تعاونيات فكيك' },
        summary: { fr: 'Valorisation des dattes' },
        sectors: ['31120', '32130', '43040'],
        region: { scheme: 'iso3166-2:2015' as const, code: 'MA-08' },
        coFinancing: mad(50_000_00),
      };
      const [event] = projectDecider.decide(
        command('OpenProjectFromAward', { ...awardData, project }),
        projectDecider.initialState(),
      );
      expect(event.data).toMatchObject({
        title: project.title,
        description: project.summary,
        locations: [{ area: project.region, region: 'MA-08', commune: null, point: null }],
        sectors: [
          { code: '31120', percentageHundredths: 3334 },
          { code: '32130', percentageHundredths: 3333 },
          { code: '43040', percentageHundredths: 3333 },
        ],
        budgetLines: [
          { lineId: 'grant', amount: awardData.grant },
          { lineId: 'cofinancing', amount: mad(50_000_00) },
        ],
        cofinancing: [{ partyId: 'md-0042', amount: mad(50_000_00) }],
      });
    });
    it('refuses an awarded project with bad fields, named under project', () => {
      const error = spec
        .when(
          command('OpenProjectFromAward', {
            ...awardData,
            project: {
              title: { fr: '' },
              summary: { fr: 'ok' },
              sectors: ['123'],
              region: { scheme: 'iso3166-2:2015', code: 'MA-99' },
              coFinancing: mad(0),
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error).every((f) => f.startsWith('project.'))).toBe(true);
      expect(fieldsOf(error)).toEqual(expect.arrayContaining([expect.stringMatching(/^project\.title/)]));
    });
    it('refuses another grant for the same application', () => {
      spec
        .given([openedFromAward])
        .when(command('OpenProjectFromAward', { ...awardData, grant: mad(1) }))
        .thenThrows(AlreadyCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command('OpenProjectFromAward', {
            applicationId: '',
            callId: '',
            associationId: '',
            envelopeId: '',
            grant: mad(0),
            awardedAt: '2025-05-20',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'applicationId',
        'associationId',
        'callId',
        'envelopeId',
        'grant.amountMinor',
        'awardedAt',
      ]);
    });
  });
});
