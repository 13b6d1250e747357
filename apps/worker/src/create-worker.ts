import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, createRootLogger, PinoNestLogger } from '@vigil/server';
import { WorkerModule } from './worker.module.js';

/** Creates and starts the worker context (jobs begin on bootstrap). */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const logger = createRootLogger(config, 'worker');
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  await worker.init();
  return worker;
}
