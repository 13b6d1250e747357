import { type DynamicModule, Module } from '@nestjs/common';
import {
  type AppConfig,
  AuditCoreModule,
  CoreModule,
  DemoContentModule,
  SeedModule,
  UsersCoreModule,
} from '@vigil/server';

/** What the command line needs: services, no HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config),
        AuditCoreModule,
        UsersCoreModule,
        SeedModule,
        DemoContentModule,
      ],
    };
  }
}
