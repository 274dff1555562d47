import { TRAINING_DEMO_IDS } from '@tadamon/training';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';

jest.setTimeout(180_000);

describe('the Training demo on the embedded platform', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('training-demo');
  }, 150_000);
  afterAll(async () => {
    await client?.close();
  });

  it('opens sessions in Morocco and abroad, and issues the Agadir certificates: one valid, one revoked', async () => {
    const sessions = await client.get('anonymous', '/api/training/sessions?pageSize=50');
    expect(sessions.status).toBe(200);
    const countries = new Set(
      sessions.body.items.map((s: Json) => (s.place as { country?: string }).country).filter(Boolean),
    );
    expect([...countries].sort()).toEqual(['BE', 'ES', 'FR', 'MA']);
    const certificates = await eventually(
      () => client.get('officer', '/api/training/certificates?pageSize=50'),
      (r) =>
        r.status === 200 &&
        r.body.items.length === 2 &&
        r.body.items.some((c: Json) => c.status === 'revoked'),
      'the demo certificates, one revoked',
      60_000,
    );
    const byTrainee = Object.fromEntries(certificates.body.items.map((c: Json) => [c.traineeId, c.status]));
    expect(byTrainee).toEqual({
      [TRAINING_DEMO_IDS.registry.persons.mdPresident]: 'active',
      [TRAINING_DEMO_IDS.registry.persons.figuigProjectManager]: 'revoked',
    });
  });
});
