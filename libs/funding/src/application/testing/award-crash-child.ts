/**
 * The process the crash test (award-process-crash.int.spec.ts) kills: Funding's module (the real
 * wiring, award process included) on a SQLite log in DATA_DIR, driven through GrantDecisions as
 * the controllers drive it. Its appends wait a few milliseconds first, as on a busy disk, so that
 * a kill often falls between an award's two appends. Each decision is asked for once, as a
 * committee would (DATA_DIR/attempted.txt, written before the attempt): what a kill interrupts is
 * left to the award process, never to a second request.
 *
 *   node -r @swc-node/register award-crash-child.ts <dataDir> run <seed>   awards, withdraws, rejects
 *   node -r @swc-node/register award-crash-child.ts <dataDir> settle      the start pass only, then a clean stop
 *
 * Writes one JSON line per fact on stdout: {"ready":…,"start":<report>}, {"done":…}.
 */
import 'reflect-metadata';
import { Global, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '@tadamon/event-store';
import { MingoDocumentStore } from '@tadamon/read-store';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FundingModule } from '../../funding.module';
import { AwardProcess } from '../award-process';
import { listedCommittee } from '../committee-composition';
import { GrantDecisions } from '../grant-decisions';

export interface CrashPlan {
  envelopeId: string;
  applications: { applicationId: string; action: 'award' | 'award-withdraw' | 'reject' }[];
  committee: { id: string; roles: string[] };
  association: { id: string; roles: string[] };
}

const EVENT_STORE = Symbol('CRASH_EVENT_STORE');
const DOCUMENT_STORE = Symbol('CRASH_DOCUMENT_STORE');
const COMMITTEE_DIRECTORY = Symbol('CRASH_COMMITTEE_DIRECTORY');

/** mulberry32: the child's choices follow the test's seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const say = (fact: object) => process.stdout.write(`${JSON.stringify(fact)}\n`);

async function main(): Promise<void> {
  const [dataDir, mode, seedText] = process.argv.slice(2);
  const plan = JSON.parse(readFileSync(join(dataDir, 'plan.json'), 'utf8')) as CrashPlan;
  const next = random(Number(seedText ?? 1));
  const store = SqliteEventStore.open({ filename: join(dataDir, 'events.db') });
  const append = store.appendToStream.bind(store);
  store.appendToStream = async (...args: Parameters<SqliteEventStore['appendToStream']>) => {
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(next() * 15)));
    return append(...args);
  };

  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: DOCUMENT_STORE, useValue: new MingoDocumentStore() },
      { provide: COMMITTEE_DIRECTORY, useValue: listedCommittee([plan.committee.id]) },
    ],
    exports: [EVENT_STORE, DOCUMENT_STORE, COMMITTEE_DIRECTORY],
  })
  class CrashHostInfrastructure {}

  Logger.overrideLogger(['error']);
  const app = await NestFactory.createApplicationContext(
    FundingModule.forRoot({
      eventStore: EVENT_STORE,
      readModels: DOCUMENT_STORE,
      committeeDirectory: COMMITTEE_DIRECTORY,
      imports: [CrashHostInfrastructure],
      // Periodic passes while awards run: the application's turn keeps them apart.
      awardProcess: { intervalMs: 500, graceMs: 0 },
    }),
    { logger: ['error'] },
  );
  app.enableShutdownHooks();
  say({ ready: true, start: app.get(AwardProcess).lastReport });
  if (mode === 'settle') {
    await app.close();
    return;
  }

  const decisions = app.get(GrantDecisions);
  const attemptedFile = join(dataDir, 'attempted.txt');
  const attempted = new Set(existsSync(attemptedFile) ? readFileSync(attemptedFile, 'utf8').split('\n') : []);
  const queue = plan.applications.filter((a) => !attempted.has(a.applicationId)).sort(() => next() - 0.5);
  const outcomes: Record<string, number> = {};
  const count = (what: string) => (outcomes[what] = (outcomes[what] ?? 0) + 1);
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const { applicationId, action } = item;
      appendFileSync(attemptedFile, `${applicationId}\n`);
      try {
        if (action === 'reject') {
          await decisions.reject(
            applicationId,
            { reasons: ['Hors priorités.'], committeeMembers: [plan.committee.id] },
            plan.committee,
          );
        } else {
          await decisions.award(
            applicationId,
            {
              conditions: ['Rapport semestriel.'],
              rationale: 'Dans le budget.',
              committeeMembers: [plan.committee.id],
            },
            plan.committee,
          );
          if (action === 'award-withdraw')
            await decisions.withdraw(applicationId, 'Projet abandonné.', plan.association);
        }
        count(action);
      } catch (error) {
        // Refusals are expected (the envelope runs out; a decision already taken before a kill).
        count((error as { code?: string }).code ?? (error as Error).name);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  say({ done: true, outcomes });
  await app.close();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
