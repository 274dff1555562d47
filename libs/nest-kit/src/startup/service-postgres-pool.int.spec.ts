import { requireServer } from '@tadamon/testing';
import { Client } from 'pg';
import { ProblemContext, toProblem } from '../problems/problem-mapping';
import { OpenedResources } from './opened-resources';

const context: ProblemContext = { language: 'en', instance: '/api/funding/applications', ifMatchSent: false };
import { servicePostgresPool } from './relaying-infrastructure';

/*
 * Issue 13, item 2: a PostgreSQL restart while a delivery held a client killed the service
 * (`Unhandled 'error' event` on a pg Client). The pool only listens to its idle clients; a client
 * in use that loses its connection must fail its query, not the process.
 */
/** The pool a service with its log in PostgreSQL opens. */
function openPool(
  url: string,
  resources: OpenedResources,
  sizing?: { max?: number; acquireTimeoutMs?: number },
) {
  const pool = servicePostgresPool(
    { eventStore: { kind: 'postgres', url }, relayCheckpoints: { kind: 'postgres', url } } as never,
    resources,
    sizing,
  );
  if (!pool) throw new Error('no pool for a postgres event store');
  return pool;
}

describe("the service's PostgreSQL pool", () => {
  it('fails the query of a client in use whose connection the server ends, and keeps serving', async () => {
    const url = requireServer('postgres');
    const resources = new OpenedResources();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const pool = openPool(url, resources);
      const client = await pool.connect();
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // What a server restart does to every connection: the backend is ended under the client.
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      expect(uncaught).toEqual([]);
      // The pool opens a new connection for the next caller.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await resources.closeAll();
    }
  }, 30_000);

  it('gives up waiting for a client after its acquire timeout, and that answers 503, not 500', async () => {
    const url = requireServer('postgres');
    const resources = new OpenedResources();
    try {
      const pool = openPool(url, resources, { max: 1, acquireTimeoutMs: 300 });
      const held = await pool.connect();
      try {
        const started = Date.now();
        const error = await pool.query('SELECT 1').then(
          () => undefined,
          (failed: unknown) => failed,
        );
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(toProblem(error, context).problem.status).toBe(503);
      } finally {
        held.release();
      }
    } finally {
      await resources.closeAll();
    }
  }, 30_000);

  it('waits for a lock 10 s at most, which answers 503, and ends a transaction left idle', async () => {
    const url = requireServer('postgres');
    const resources = new OpenedResources();
    try {
      const pool = openPool(url, resources);
      const settings = await pool.query<{ lock: string; idle: string }>(
        "SELECT current_setting('lock_timeout') AS lock, current_setting('idle_in_transaction_session_timeout') AS idle",
      );
      expect(settings.rows[0]).toEqual({ lock: '10s', idle: '1min' });
      const holder = await pool.connect();
      const waiter = await pool.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_advisory_xact_lock(13013)');
        await waiter.query('BEGIN');
        await waiter.query("SET LOCAL lock_timeout = '200ms'");
        const error = await waiter.query('SELECT pg_advisory_xact_lock(13013)').then(
          () => undefined,
          (failed: unknown) => failed,
        );
        expect(error).toMatchObject({ code: '55P03' });
        expect(toProblem(error, context)).toMatchObject({
          problem: { status: 503 },
          headers: { 'Retry-After': expect.any(String) },
        });
      } finally {
        await waiter.query('ROLLBACK').catch(() => undefined);
        await holder.query('ROLLBACK');
        waiter.release();
        holder.release();
      }
    } finally {
      await resources.closeAll();
    }
  }, 30_000);

  it('answers 503 while the database cannot be reached', async () => {
    const resources = new OpenedResources();
    try {
      // A port where nothing listens: what a restarting server looks like from here.
      const url = 'postgres://tadamon:tadamon@127.0.0.1:1/tadamon_test';
      const pool = openPool(url, resources);
      const error = await pool.query('SELECT 1').then(
        () => undefined,
        (failed: unknown) => failed,
      );
      expect(toProblem(error, context)).toMatchObject({
        problem: { status: 503 },
        headers: { 'Retry-After': '2' },
      });
    } finally {
      await resources.closeAll();
    }
  }, 30_000);
});
