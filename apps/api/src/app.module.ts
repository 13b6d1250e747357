import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import {
  AccessGuard,
  AllExceptionsFilter,
  type AppConfig,
  AssessmentsModule,
  AuditLogModule,
  AuthModule,
  CasesModule,
  CommentsModule,
  CoreModule,
  createValidationPipe,
  DocumentsModule,
  HealthModule,
  IdentityModule,
  InformationModule,
  LimitsModule,
  NotificationsModule,
  OrganisationsModule,
  PrioritySituationsModule,
  RealtimeModule,
  RecommendationsModule,
  EngagementsModule,
  UsersModule,
  WorkflowModule,
  WriteRateLimitGuard,
} from '@vigil/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Request id: the caller's X-Request-Id when sane, otherwise a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given)) return given;
  return randomUUID();
}

/** The HTTP api: every feature module behind one guard, one pipe and one exception filter. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        IdentityModule,
        HealthModule,
        AuthModule,
        UsersModule,
        OrganisationsModule,
        AuditLogModule,
        CasesModule,
        WorkflowModule,
        AssessmentsModule,
        NotificationsModule,
        InformationModule,
        RealtimeModule,
        CommentsModule,
        PrioritySituationsModule,
        DocumentsModule,
        RecommendationsModule,
        EngagementsModule,
        LimitsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        // After the AccessGuard, which identifies the person whose writes are counted.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
