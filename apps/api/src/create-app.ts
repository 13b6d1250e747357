import 'reflect-metadata';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@vigil/domain';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { type AppConfig, createRootLogger, PinoNestLogger, toErrorResponse } from '@vigil/server';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppModule, requestIdOf } from './app.module.js';
import {
  capConnectionsPerAddress,
  enforceBodyDeadline,
  httpTimeoutOptions,
} from './http-limits.js';

/** Builds the OpenAPI document of the running app. */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Vigil API')
    .setDescription('Case management and early warning for atrocity-crime prevention')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Creates the api (not yet listening). Used by main.ts and by every API test. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config, 'api');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Headers, body, whole request, idle and keep-alive timeouts (README, "Limits").
    ...httpTimeoutOptions(config),
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    // The router refuses a malformed URL (400) or an over-long path parameter (414) before any
    // route or exception filter runs: answer those in the API's error shape too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toErrorResponse(error);
      void reply.status(body.statusCode).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.setGlobalPrefix('api');
  // No form bodies: every route takes JSON (or a multipart upload). A cross-site HTML form can post
  // a form body without asking first, which would let another site sign a browser in (login CSRF).
  app.useBodyParser('application/x-www-form-urlencoded', {}, (_request, _body, done) =>
    done(
      new DomainError('unsupported_media_type', 'Send JSON (Content-Type: application/json).'),
      undefined,
    ),
  );

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  enforceBodyDeadline(fastify, config);
  capConnectionsPerAddress(app.getHttpServer(), config, logger);

  // Everything from the app's own origin only. `connect-src 'self'` covers the socket too: CSP3
  // matches ws:/wss: of the page's own host. Fonts: the app uses the system's, so 'self' only
  // (helmet's default would allow any https: or data: font). Inline styles stay allowed for
  // React's style attributes; data: images for the map and the API docs' icons.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // One file per request, no other fields; the size limit answers 413 before the file is kept.
  await app.register(multipart, {
    limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
  });
  app.enableCors({
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: false,
    exposedHeaders: ['x-request-id'],
  });

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Vigil API',
  });

  await serveWebApp(app, config);
  return app;
}

/** Source maps are never served, even if a build left one in the folder. */
function isSourceMap(pathname: string): boolean {
  return pathname.toLowerCase().endsWith('.map');
}

// The built single-page app: its files, and index.html for every other non-API path. A missing
// file under /assets/ (a stale chunk, a source map) is a 404, never the page.
async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const dist = resolve(config.WEB_DIST_DIR ?? 'apps/web/dist');
  const indexFile = resolve(dist, 'index.html');
  const fastify = app.getHttpAdapter().getInstance();
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      wildcard: false,
      decorateReply: false,
      index: false,
      allowedPath: (pathname: string) => !isSourceMap(pathname),
    });
  }
  const notFound = toErrorResponse({ statusCode: 404, message: 'No such route.' });
  fastify.get('/*', async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (
      pathname.startsWith('/api/') ||
      pathname === '/api' ||
      pathname.startsWith('/assets/') ||
      isSourceMap(pathname) ||
      !hasWeb
    ) {
      return reply.status(404).send(notFound);
    }
    return reply.type('text/html; charset=utf-8').send(readFileSync(indexFile));
  });
}
