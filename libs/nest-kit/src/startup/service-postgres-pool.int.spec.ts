import { requireServer } from '@tadamon/testing';
import { Client } from 'pg';
import { OpenedResources } from './opened-resources';
import { servicePostgresPool } from './relaying-infrastructure';

/*
 * Issue 13, item 2: a PostgreSQL restart while a delivery held a client killed the service
 * (`Unhandled 'error' event` on a pg Client). The pool only listens to its idle clients; a client
 * in use that loses its connection must fail its query, not the process.
 */
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
      const pool = servicePostgresPool(
        { eventStore: { kind: 'postgres', url }, relayCheckpoints: { kind: 'postgres', url } } as never,
        resources,
      );
      if (!pool) throw new Error('no pool for a postgres event store');
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
});
