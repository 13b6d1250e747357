import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '../database/data-source.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../config/redis-connection.js';

/**
 * Configuration, the database connection and the announcement of access changes (written by
 * several features), shared by every app (api, worker, CLI).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE))],
      providers: [{ provide: APP_CONFIG, useValue: config }, AccessChanges, RedisConnection],
      exports: [APP_CONFIG, AccessChanges, RedisConnection],
    };
  }
}
