import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { problemResponse } from './api-problems.decorator';
import { ProblemDetailsSchema } from './problem-details.schema';
import { documentValidationRules } from './validation-rules';
import swaggerUiPath from 'swagger-ui-dist/absolute-path.js';

export interface OpenApiOptions {
  title: string;
  version?: string;
  description?: string;
  /** Default `/api/docs` (UI) and `/api/docs-json` (document). */
  path?: string;
}

type Operation = {
  description?: string;
  responses: Record<string, unknown>;
  'x-roles'?: string[];
  security?: unknown;
};

/**
 * The UI is served from swagger-ui-dist by the kit: SwaggerModule's own UI needs @fastify/static,
 * which the platform does not otherwise use.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const path = options.path ?? '/api/docs';
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version ?? '1')
    .setDescription(options.description ?? '')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = documentRoles(
    SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsSchema] }),
  );
  documentValidationRules(document);
  SwaggerModule.setup(path, app, document, { ui: false, raw: ['json'], jsonDocumentUrl: `${path}-json` });
  serveSwaggerUi(app.getHttpAdapter().getInstance() as FastifyInstance, path);
  return document;
}

/** Roles (from @Roles/@Public) go into each operation's description and security; 401/403 are added. */
function documentRoles(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation?.responses) continue;
      const roles = operation['x-roles'];
      const isPublic = roles?.includes('public') ?? false;
      const who = isPublic
        ? 'Roles: anonymous public.'
        : roles
          ? `Roles: ${roles.join(', ')}.`
          : 'Roles: any authenticated actor.';
      operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
      if (isPublic) {
        operation.security = [];
        continue;
      }
      operation.security = [{ bearer: [] }];
      operation.responses['401'] ??= problemResponse(401);
      if (roles) operation.responses['403'] ??= problemResponse(403);
    }
  }
  return document;
}

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'application/javascript',
  'swagger-ui-standalone-preset.js': 'application/javascript',
};

function serveSwaggerUi(fastify: FastifyInstance, path: string): void {
  // The package finds its own folder at run time; require.resolve would be rewritten by bundlers.
  const dist = swaggerUiPath();
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API docs</title>
<link rel="stylesheet" href="${path}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${path}/swagger-ui-bundle.js"></script>
<script src="${path}/swagger-ui-standalone-preset.js"></script>
<script src="${path}/init.js"></script></body></html>`;
  const init = `window.ui = SwaggerUIBundle({ url: '${path}-json', dom_id: '#swagger-ui', deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout',
  persistAuthorization: true });`;
  fastify.get(path, (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  fastify.get(`${path}/init.js`, (_request, reply) => reply.type('application/javascript').send(init));
  for (const [file, type] of Object.entries(ASSETS)) {
    const content = readFileSync(join(dist, file));
    fastify.get(`${path}/${file}`, (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=86400').send(content),
    );
  }
}
