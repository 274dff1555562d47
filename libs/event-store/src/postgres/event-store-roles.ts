import { assertSchemaName } from './migrations';

/**
 * The PostgreSQL grants of the distributed profile's guard (docs/audit.md, "Who may write"): run by
 * the schema's owner (who applies the migrations). A service's role may read the log and append
 * through append_events, which needs INSERT on events and streams and UPDATE on the stream heads
 * and the log position; it gets no UPDATE, DELETE or TRUNCATE on events, so its credentials can
 * add events but never rewrite or remove one, nor cut the log back. The auditor's role only reads.
 */
export function serviceRoleGrants(schema: string, role: string): string {
  assertSchemaName(schema);
  assertRoleName(role);
  const s = `"${schema}"`;
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM PUBLIC;`,
    `GRANT USAGE ON SCHEMA ${s} TO "${role}";`,
    `GRANT SELECT ON ${s}.schema_migrations, ${s}.streams, ${s}.events, ${s}.log_position TO "${role}";`,
    `GRANT INSERT ON ${s}.events, ${s}.streams TO "${role}";`,
    `GRANT UPDATE ON ${s}.streams, ${s}.log_position TO "${role}";`,
  ].join('\n');
}

export function auditorRoleGrants(schema: string, role: string): string {
  assertSchemaName(schema);
  assertRoleName(role);
  const s = `"${schema}"`;
  return [
    `GRANT USAGE ON SCHEMA ${s} TO "${role}";`,
    `GRANT SELECT ON ${s}.schema_migrations, ${s}.streams, ${s}.events, ${s}.log_position TO "${role}";`,
  ].join('\n');
}

function assertRoleName(role: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a role name: ${role}`);
}
