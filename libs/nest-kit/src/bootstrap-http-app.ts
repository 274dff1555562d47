import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { createFastifyAdapter, HttpOptions, installHttpHooks } from './http';
import { IDEMPOTENCY_OPTIONS, IDEMPOTENCY_STORE, installIdempotentReplies } from './idempotency';
import { installRequestLogging, KIT_LOGGER, KitNestLogger } from './logging';
import { KitMetrics } from './metrics';
import { OpenApiOptions, setupOpenApi } from './openapi';
import { installRevisionedReplies } from './revisions';

export interface BootstrapOptions extends HttpOptions {
  /** OpenAPI at /api/docs and /api/docs-json; false for none. */
  openApi: OpenApiOptions | false;
}

/**
 * Creates (not yet listening) the Fastify app of a module that imports NestKitModule.forRoot,
 * with the kit's logger, hooks and API docs. Start-up errors are thrown to the caller.
 */
export async function bootstrapHttpApp(
  module: Type<unknown> | DynamicModule,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createFastifyAdapter(options), {
    bufferLogs: true,
    abortOnError: false,
    // The kit parses JSON bodies itself (installWellFormedInput): strict UTF-8. No form bodies.
    bodyParser: false,
  });
  app.useLogger(app.get(KitNestLogger));
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  installHttpHooks(fastify, app.get(KitMetrics));
  installRevisionedReplies(fastify);
  installIdempotentReplies(fastify, app.get(IDEMPOTENCY_STORE), app.get(IDEMPOTENCY_OPTIONS));
  installRequestLogging(fastify, app.get(KIT_LOGGER));
  if (options.openApi) setupOpenApi(app, options.openApi);
  app.enableShutdownHooks();
  return app;
}
