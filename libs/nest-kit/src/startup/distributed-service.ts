import { DynamicModule, ValueProvider } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapHttpApp } from '../bootstrap-http-app';
import { ConfigurationError } from '../config/configuration-error';
import { ServiceConfig } from '../config/service-config';
import { ServiceLogLevel } from '../config/service-variables';
import { NestKitModule } from '../nest-kit.module';
import { OpenApiOptions } from '../openapi';
import { ProblemMapper } from '../problems';
import { ServiceInfrastructure, ServiceInfrastructureModule } from './service-infrastructure.module';
import { StartupError } from './startup-error';

export interface ServiceModulesOptions {
  /** Names the service in metrics and logs. */
  appName: string;
  config: Pick<ServiceConfig, 'auth' | 'http'>;
  logLevel: ServiceLogLevel;
  /** The context's errors as problems. */
  problemMappers: ProblemMapper[];
  infrastructure: ServiceInfrastructure;
  /** The infrastructure's values under the tokens the context's module injects. */
  providers: ValueProvider[];
}

/** The service kit and the infrastructure's providers, for the root module of a distributed service. */
export function serviceModules(options: ServiceModulesOptions): DynamicModule[] {
  const { config } = options;
  return [
    NestKitModule.forRoot({
      appName: options.appName,
      // Tokens are issued elsewhere (an OIDC provider, or the issuer sharing the HS256 secret).
      auth: config.auth,
      logging: { level: options.logLevel },
      rateLimit: {
        limit: config.http.rateLimitPerMinute,
        ttlMs: 60_000,
        store: options.infrastructure.rateLimit,
      },
      problemMappers: options.problemMappers,
      idempotency: options.infrastructure.idempotency
        ? { store: options.infrastructure.idempotency }
        : undefined,
    }),
    ServiceInfrastructureModule.forRoot(options.infrastructure, options.providers),
  ];
}

export interface ServiceAppOptions<C extends ServiceConfig, I extends ServiceInfrastructure> {
  config: C;
  /** Opens every dependency (a server missing is a StartupError naming it). */
  open(config: C): Promise<I>;
  /** The service's root module on its infrastructure. */
  module(infrastructure: I, logLevel: ServiceLogLevel): DynamicModule;
  /** false silences the logs (tests). */
  logger?: boolean;
  openApi: OpenApiOptions;
  /** More to start once the app is built (e.g. a consumer connected as a microservice). */
  started?(app: NestFastifyApplication, infrastructure: I): Promise<void>;
}

/**
 * A distributed service's HTTP app, not yet listening: its infrastructure opened, then the app
 * built on it. What fails after the infrastructure opened closes the app and the infrastructure.
 */
export async function createServiceApp<C extends ServiceConfig, I extends ServiceInfrastructure>(
  options: ServiceAppOptions<C, I>,
): Promise<NestFastifyApplication> {
  const { config } = options;
  const infrastructure = await options.open(config);
  let app: NestFastifyApplication | undefined;
  try {
    const logLevel = options.logger === false ? 'silent' : config.logLevel;
    app = await bootstrapHttpApp(options.module(infrastructure, logLevel), {
      trustProxy: config.http.trustProxy,
      openApi: options.openApi,
    });
    await options.started?.(app, infrastructure);
    return app;
  } catch (error) {
    if (app) await app.close().catch(() => undefined);
    await infrastructure.close();
    throw error;
  }
}

/**
 * A service's `main`: configuration checked before anything connects (a bad variable gets a clear
 * error), the app listening, where to reach it printed; a failed start exits with 1.
 */
export function runService<C extends ServiceConfig>(
  name: string,
  loadConfig: () => C,
  createApp: (config: C) => Promise<NestFastifyApplication>,
): Promise<void> {
  const main = async () => {
    const config = loadConfig();
    const app = await createApp(config);
    await app.listen(config.http.port, config.http.host);
    const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
    const url = `http://${host}:${config.http.port}`;
    const store = config.eventStore.kind;
    console.log(`${name} service (distributed profile, ${store} event store) listening on ${url}`);
    console.log(`  readiness: ${url}/health/ready   metrics: ${url}/metrics   API docs: ${url}/api/docs`);
  };
  return main().catch((error) => {
    if (error instanceof ConfigurationError || error instanceof StartupError)
      console.error(`${name}: ${error.message}`);
    else console.error(`${name} failed to start:`, error);
    process.exit(1);
  });
}
