import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateSealKeyPair } from '@tadamon/event-store';
import { signTestToken } from '@tadamon/testing';
import { createFundingApp } from '../create-funding-app';
import { FundingInfrastructure } from '../infrastructure/funding-infrastructure';

export interface FundingServers {
  databaseUrl: string;
  mongoUrl: string;
  brokers: string;
}

/** An answer of the service: status, Retry-After, and the body parsed. */
export interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown> | undefined;
}

/**
 * The Funding service of the distributed profile, in this process, listening on a free port, for
 * the tests that break its servers: a run's own database names, consumer group and token secret.
 */
export class FundingServiceUnderTest {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly base: string,
    private readonly secret: string,
    /** Milliseconds from the call to a listening HTTP port. */
    readonly startedInMs: number,
  ) {}

  static async start(
    servers: FundingServers,
    run: string,
    group = `tadamon.funding.${run}`,
  ): Promise<FundingServiceUnderTest> {
    const secret = randomBytes(32).toString('base64url');
    const begun = Date.now();
    const app = await createFundingApp({
      // TADAMON_TEST_LOGS=1 shows the service's logs (to see what a fault did).
      logger: process.env.TADAMON_TEST_LOGS === '1',
      env: {
        TADAMON_EVENT_STORE: 'postgres',
        DATABASE_URL: servers.databaseUrl,
        MONGODB_URL: servers.mongoUrl,
        MONGODB_DB: `funding_${run}`,
        KAFKA_BROKERS: servers.brokers,
        TADAMON_KAFKA_GROUP: group,
        TADAMON_JWT_SECRET: secret,
        TADAMON_SEAL_PRIVATE_KEY: generateSealKeyPair().privateKeyPem,
        TADAMON_COMMITTEE_MEMBERS: 'user-committee',
        // The test's load comes from one address: the limit is not what is under test here.
        TADAMON_RATE_LIMIT: '1000000',
      },
    });
    try {
      await app.listen(0, '127.0.0.1');
    } catch (error) {
      await app.close();
      throw error;
    }
    return new FundingServiceUnderTest(app, await app.getUrl(), secret, Date.now() - begun);
  }

  get infrastructure(): FundingInfrastructure {
    return this.app.get(FundingInfrastructure);
  }

  token(roles: string[] = ['officer']): Promise<string> {
    return signTestToken(this.secret, roles, {}, `resilience-${roles.join('-')}`);
  }

  async call(method: string, path: string, body?: unknown, roles: string[] = ['officer']): Promise<Answer> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(roles)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  /** GET /health/ready: 200 or 503, with the failing checks' names. */
  async readiness(): Promise<{ ready: boolean; failing: string[] }> {
    const answer = await this.call('GET', '/health/ready');
    const checks = (answer.body?.checks ?? []) as { name: string; status: string }[];
    return {
      ready: answer.status === 200,
      failing: checks.filter((c) => c.status === 'down').map((c) => c.name),
    };
  }

  async applicantStatus(associationId: string): Promise<string | undefined> {
    const answer = await this.call('GET', `/api/funding/applicants/${associationId}`);
    return answer.status === 200 ? (answer.body?.status as string) : undefined;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
