import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CoreModule, JobsModule } from '@vigil/server';

/** The worker: no HTTP, only scheduled and queued jobs on the same database. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), JobsModule] };
  }
}
