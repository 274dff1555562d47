import { randomUUID } from 'node:crypto';
import { Json, PlatformClient, RegistryRoute } from '../../registry/testing/platform-client';

export const T = '/api/training';
export const newTrainingId = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

export const moduleBody = (moduleId: string): Json => ({
  moduleId,
  code: 'GP-101',
  title: { fr: 'Gestion de projet associatif', en: 'Managing an association’s project' },
  description: { fr: 'Cadre logique, budget, suivi' },
  durationMinutes: 600,
  competences: ['PM-PLAN', { fr: 'Construire un budget' }],
  languages: ['fr', 'ar'],
  theme: 'project-management',
});

/** Sittings a month ahead, so that enrolment is open while they are still to come. */
export const sessionBody = (sessionId: string, moduleId: string, overrides: Json = {}): Json => {
  const day = Date.now() + 30 * 86_400_000;
  const at = (hours: number) => new Date(day + hours * 3_600_000).toISOString();
  return {
    sessionId,
    moduleId,
    language: 'fr',
    timezone: 'Africa/Casablanca',
    place: { mode: 'online', url: 'https://meet.example.org/gp-101' },
    sittings: [{ sittingId: 'day-1', startsAt: at(0), endsAt: at(4) }],
    trainers: ['user-trainer'],
    capacity: 20,
    ...overrides,
  };
};

/**
 * A module, a path of it and another, and an online session of it open for enrolment: the ids go
 * into `params` (moduleId, pathId, sessionId) for the routes that name them.
 */
export async function seedTrainingCatalogue(
  client: PlatformClient,
  params: Record<string, string>,
): Promise<void> {
  const moduleId = newTrainingId('gp-101');
  const otherId = newTrainingId('fr-201');
  const pathId = newTrainingId('porteur');
  const sessionId = newTrainingId('session');
  const created = [
    await client.post('officer', `${T}/modules`, moduleBody(moduleId)),
    await client.post('officer', `${T}/modules`, {
      ...moduleBody(otherId),
      code: 'FR-201',
      theme: 'fundraising',
    }),
    await client.post('officer', `${T}/paths`, {
      pathId,
      title: { fr: 'Porteur de projet' },
      moduleIds: [moduleId, otherId],
    }),
    await client.post('officer', `${T}/sessions`, sessionBody(sessionId, moduleId)),
  ];
  expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  expect((await client.post('officer', `${T}/sessions/${sessionId}/enrolment/open`)).status).toBe(200);
  Object.assign(params, { moduleId, pathId, sessionId });
}

/** Every route of this slice of the Training API with who may call it. */
export const TRAINING_SESSION_ROUTES: readonly RegistryRoute[] = [
  { method: 'POST', path: `${T}/modules`, roles: ['officer'] },
  { method: 'GET', path: `${T}/modules`, roles: ['public'] },
  { method: 'GET', path: `${T}/modules/{moduleId}`, roles: ['public'] },
  { method: 'PATCH', path: `${T}/modules/{moduleId}`, roles: ['officer'] },
  { method: 'POST', path: `${T}/modules/{moduleId}/retire`, roles: ['officer'] },
  { method: 'POST', path: `${T}/paths`, roles: ['officer'] },
  { method: 'GET', path: `${T}/paths`, roles: ['public'] },
  { method: 'GET', path: `${T}/paths/{pathId}`, roles: ['public'] },
  { method: 'PATCH', path: `${T}/paths/{pathId}`, roles: ['officer'] },
  { method: 'POST', path: `${T}/paths/{pathId}/retire`, roles: ['officer'] },
  { method: 'POST', path: `${T}/sessions`, roles: ['officer'] },
  { method: 'GET', path: `${T}/sessions`, roles: ['public'] },
  { method: 'GET', path: `${T}/sessions/{sessionId}`, roles: ['public'] },
  { method: 'PATCH', path: `${T}/sessions/{sessionId}`, roles: ['officer'] },
  { method: 'PUT', path: `${T}/sessions/{sessionId}/capacity`, roles: ['officer'] },
  { method: 'POST', path: `${T}/sessions/{sessionId}/enrolment/open`, roles: ['officer'] },
  { method: 'POST', path: `${T}/sessions/{sessionId}/enrolment/close`, roles: ['officer'] },
  { method: 'POST', path: `${T}/sessions/{sessionId}/cancel`, roles: ['officer'] },
  { method: 'POST', path: `${T}/sessions/{sessionId}/held`, roles: ['officer', 'trainer'] },
  {
    method: 'POST',
    path: `${T}/sessions/{sessionId}/enrolments`,
    roles: ['trainee', 'association', 'officer'],
  },
  {
    method: 'POST',
    path: `${T}/sessions/{sessionId}/enrolments/{traineeId}/cancel`,
    roles: ['trainee', 'officer'],
  },
  { method: 'GET', path: `${T}/enrolments/mine`, roles: ['trainee'] },
  { method: 'GET', path: `${T}/associations/{associationId}/enrolments`, roles: ['association', 'officer'] },
  {
    method: 'GET',
    path: `${T}/associations/{associationId}/trained-managers`,
    roles: ['association', 'officer'],
  },
  { method: 'GET', path: `${T}/figures`, roles: ['public'] },
];
