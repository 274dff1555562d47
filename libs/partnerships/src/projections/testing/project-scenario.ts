import { eur, geo, mad, projectData } from './fixtures';
import { PartnershipsLog } from './partnerships-log';

const sha = (c: string) => c.repeat(64);

/**
 * p.1 in Tiznit (a province, with a point), implemented, paid, spent, published, finalised and
 * proposed for replication in the Oriental; p.2 its replica (the region only, no point), published;
 * p.3 in Souss-Massa (the region), published then cancelled; p.4 internal in Casablanca, then moved
 * to Tiznit; an award-born project, internal and incomplete.
 */
export function projectScenario(log: PartnershipsLog = new PartnershipsLog()): PartnershipsLog {
  log.now = '2025-06-02T09:00:00.000Z';
  log.project(
    'OpenProject',
    projectData('p.1', {
      area: 'MA-TIZ',
      point: { lat: 29.723146, lon: -8.975 },
      sectors: ['14030', '11220'],
      budget: [mad(200_000_00), eur(10_000_00)],
    }),
  );
  log.project('ChangeProjectStatus', { projectId: 'p.1', status: '2' });
  log.project('AttachProjectDocument', {
    projectId: 'p.1',
    sha256: sha('c'),
    name: 'chantier.jpg',
    mediaType: 'image/jpeg',
    size: 2048,
    kind: 'photo',
  });
  log.project('AttachProjectDocument', {
    projectId: 'p.1',
    sha256: sha('d'),
    name: 'budget-detaille.xlsx',
    mediaType: 'application/vnd.ms-excel',
    size: 4096,
    kind: 'budget',
  });
  log.project('PublishProject', { projectId: 'p.1' });
  log.now = '2025-09-01T09:00:00.000Z';
  log.project('ReachMilestone', { projectId: 'p.1', milestoneId: 'm.1', reachedOn: '2025-08-30' });
  log.project('RecordProjectDisbursement', {
    projectId: 'p.1',
    trancheId: 't.1',
    amount: mad(80_000_00),
    on: '2025-08-01',
    source: 'funding-tranche',
  });
  log.project('RecordProjectDisbursement', {
    projectId: 'p.1',
    trancheId: 't.2',
    amount: mad(20_000_00),
    on: '2025-08-15',
    source: 'manual',
  });
  log.project('RecordExpenditure', {
    projectId: 'p.1',
    expenditureId: 'e.1',
    amount: mad(45_000_00),
    on: '2025-08-20',
    description: 'Facture foreuse n° 12 (note interne)',
  });
  log.project('ChangeProjectStatus', { projectId: 'p.1', status: '3' });
  log.project('ProposeReplication', { projectId: 'p.1', replicaProjectId: 'p.2', region: geo('MA-02') });
  log.project('OpenProject', {
    ...projectData('p.2', { area: 'MA-02' }),
    agreementId: null,
    replicationOf: 'p.1',
  });
  log.project('PublishProject', { projectId: 'p.2' });

  log.project(
    'OpenProject',
    projectData('p.3', { area: 'MA-09', point: { lat: 30.42, lon: -9.6 }, sectors: ['11220'] }),
  );
  log.project('PublishProject', { projectId: 'p.3' });
  log.project('ChangeProjectStatus', {
    projectId: 'p.3',
    status: '5',
    reason: 'nappe introuvable (note interne)',
  });

  log.project('OpenProject', projectData('p.4', { area: 'MA-CAS', budget: [mad(1_000_00)] }));
  log.project('ReviseProject', {
    projectId: 'p.4',
    changes: { locations: [{ area: geo('MA-TIZ'), commune: 'Tafraout' }] },
  });

  log.project('OpenProjectFromAward', {
    applicationId: 'app.17',
    callId: 'call-2025-1',
    associationId: 'md.0042',
    envelopeId: 'icmd2-ma',
    grant: mad(300_000_00),
    awardedAt: '2025-05-20T14:00:00.000Z',
  });
  return log;
}
