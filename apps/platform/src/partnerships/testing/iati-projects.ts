import { PartnershipsCommands } from '@tadamon/partnerships';
import { eventually, PlatformClient } from '../../registry/testing/platform-client';

/** Registry demo ids: a verified association, and one left submitted. */
export const MD = 'assoc-migrations-et-developpement';
export const UNVERIFIED = 'assoc-solidarite-souss-bruxelles';
const OFFICER = { id: 'user-officer', roles: ['officer'] };
const geo = (code: string) => ({ scheme: 'iso3166-2:2015' as const, code });

/** A commune and its point in each area a project below is opened in (a point must lie in its area). */
const PLACES: Record<string, { commune: string; point: { lat: number; lon: number } }> = {
  'MA-TIZ': { commune: 'Tafraout', point: { lat: 29.723146, lon: -8.975 } },
  'MA-02': { commune: 'Figuig', point: { lat: 32.1091, lon: -1.2286 } },
};

/** A complete project, as an officer opens it: two sectors, budget lines in MAD and EUR, a point. */
export const iatiProjectData = (projectId: string, area = 'MA-TIZ') => ({
  projectId,
  carrierId: MD,
  title: { fr: `Adduction d’eau & assainissement ${projectId}`, ar: `مشروع ${projectId}` },
  description: { fr: 'Raccordement de six douars au réseau.', en: 'Six villages connected to the network.' },
  participants: [
    { partyId: MD, role: '4' as const },
    { partyId: 'actor-iom', role: '1' as const },
    { partyId: 'actor-ministry', role: '2' as const },
    // Submitted, not verified: the public does not see its name, nor does the IATI file.
    { partyId: UNVERIFIED, role: '3' as const },
  ],
  agreementId: 'agr.1',
  programmeId: 'icmd2',
  locations: [{ area: geo(area), ...PLACES[area] }],
  sectors: [
    { code: '14030', percentageHundredths: 6650 },
    { code: '11220', percentageHundredths: 3350 },
  ],
  budgetLines: [
    {
      lineId: 'l1',
      label: { fr: 'Forage' },
      amount: { amountMinor: 200_000_00, currency: 'MAD' as const },
      periodStart: null,
      periodEnd: null,
    },
    {
      lineId: 'l2',
      label: { fr: 'Formation' },
      amount: { amountMinor: 10_000_00, currency: 'EUR' as const },
      periodStart: null,
      periodEnd: null,
    },
  ],
  cofinancing: [],
  milestones: [],
  plannedStart: '2025-07-01',
  plannedEnd: '2027-06-30',
});

/**
 * Opens projects through PartnershipsCommands, as the projects API will (its controllers are
 * another branch's): the commands, deciders and projections are the platform's own.
 */
export class IatiProjects {
  constructor(private readonly client: PlatformClient) {}

  private get commands(): PartnershipsCommands {
    return this.client.app.get(PartnershipsCommands, { strict: false });
  }

  // The union of commands is wide; each call here sends one the domain accepts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async run(type: string, projectId: string, data: Record<string, unknown>): Promise<any> {
    return this.commands.execute(
      'project',
      projectId,
      { type, data: { projectId, ...data } } as never,
      OFFICER,
    );
  }

  async open(projectId: string, area?: string): Promise<void> {
    await this.run('OpenProject', projectId, iatiProjectData(projectId, area));
  }

  /** Opened, implemented, paid and spent (in the past), then published. */
  async published(projectId: string, area?: string): Promise<void> {
    await this.open(projectId, area);
    await this.run('ChangeProjectStatus', projectId, { status: '2' });
    await this.run('RecordProjectDisbursement', projectId, {
      trancheId: 't.1',
      amount: { amountMinor: 80_000_00, currency: 'MAD' },
      on: '2025-08-01',
      source: 'manual',
    });
    await this.run('RecordExpenditure', projectId, {
      expenditureId: 'e.1',
      amount: { amountMinor: 45_000_00, currency: 'MAD' },
      on: '2025-08-20',
      description: 'Facture foreuse n° 12 (note interne)',
    });
    await this.run('PublishProject', projectId, {});
  }

  /** As `published`, then waits until the read model has it (its IATI status answers); returns its id. */
  async publishedAndProjected(projectId: string): Promise<string> {
    await this.published(projectId);
    await eventually(
      () => this.client.get('officer', `/api/partnerships/projects/${encodeURIComponent(projectId)}/iati`),
      (reply) => reply.status === 200 && reply.body.published === true,
      `${projectId} in the projects read model`,
    );
    return projectId;
  }
}
