import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@vigil/server';
import { AppModule } from '../../apps/api/src/app.module.js';
import { buildOpenApiDocument } from '../../apps/api/src/create-app.js';

/**
 * The api's OpenAPI document, built in Nest's preview mode: routes and DTOs are read from
 * metadata without instantiating providers, so no database is needed.
 */
export async function openApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused@localhost/unused',
    JWT_SECRET: 'preview-only-preview-only-preview-only',
    // Preview mode instantiates no provider: this key encrypts nothing.
    VIGIL_DATA_KEY: 'preview:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
    },
  );
  app.setGlobalPrefix('api');
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
