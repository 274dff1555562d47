import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { F, FundingScenario, usd } from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const FIGURES = `${F}/figures`;

describe('Funding API: the programme in figures', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-figures');
    scenario = new FundingScenario(client);
    await scenario.ready();
  });
  afterAll(async () => {
    await client?.close();
  });

  const figures = async (): Promise<Json> => {
    const reply = await client.get('anonymous', FIGURES);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const figuresWhen = (accept: (body: Json) => boolean, what: string): Promise<Json> =>
    eventually(figures, accept, what);

  it('gives the demo’s two awards of USD 250,000, its two programmes and no open call, to anyone', async () => {
    expect(Object.values(FUNDING_DEMO_IDS.programmes)).toHaveLength(2);
    expect(await figures()).toEqual({
      awards: 2,
      awarded: { USD: String(2 * usd(250_000).amountMinor) },
      openCalls: 0,
      programmes: 2,
    });
  });

  it('counts a new programme, its open call and its award, and drops the award once withdrawn', async () => {
    const programmeId = `programme-figures-${Date.now().toString(36)}`;
    const { callId } = await scenario.publishedCall({ programmeId }, { programmeId });
    await figuresWhen((f) => f.openCalls === 1 && f.programmes === 3, 'the new call and programme');
    const applicationId = await scenario.awarded('association', callId, undefined);
    const awarded = await figuresWhen((f) => f.awards === 3, 'the third award');
    expect(awarded.awarded).toEqual({ USD: String(3 * usd(250_000).amountMinor) });
    const withdrawn = await client.post('association', `${F}/applications/${applicationId}/withdraw`, {
      reason: 'Projet abandonné',
    });
    expect(withdrawn.body.events).toEqual(['GrantApplicationWithdrawn', 'CommitmentReleased']);
    const after = await figuresWhen((f) => f.awards === 2, 'the withdrawn award left out');
    expect(after).toEqual({
      awards: 2,
      awarded: { USD: String(2 * usd(250_000).amountMinor) },
      openCalls: 1,
      programmes: 3,
    });
  });
});
