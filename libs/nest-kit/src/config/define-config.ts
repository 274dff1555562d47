import { ConfigurationError, ConfigurationProblem } from './configuration-error';
import { Reader } from './readers';

export type ConfigSchema = Record<string, Reader<unknown>>;
export type ConfigOf<S extends ConfigSchema> = { [K in keyof S]: S[K] extends Reader<infer T> ? T : never };

export interface ConfigDefinition<S extends ConfigSchema> {
  readonly schema: S;
  /** Reads every variable; throws one ConfigurationError listing every problem. */
  load(env?: NodeJS.ProcessEnv): ConfigOf<S>;
}

/**
 * A schema keyed by environment variable name, e.g.
 * `defineConfig({ PORT: int({ min: 1, max: 65535 }).default(3000), JWT_SECRET: string({ minLength: 32 }) })`.
 */
export function defineConfig<S extends ConfigSchema>(schema: S): ConfigDefinition<S> {
  return {
    schema,
    load(env = process.env) {
      const problems: ConfigurationProblem[] = [];
      const values: Record<string, unknown> = {};
      for (const [variable, reader] of Object.entries(schema)) {
        const result = reader.read(env[variable]);
        if (result.ok) values[variable] = result.value;
        else problems.push({ variable, reason: result.reason });
      }
      if (problems.length > 0) throw new ConfigurationError(problems);
      return values as ConfigOf<S>;
    },
  };
}
