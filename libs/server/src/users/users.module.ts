import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { IdentityModule } from '../auth/identity.module.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [IdentityModule, AuditCoreModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}

/** UsersService without routes, for the CLI and the seed. */
@Module({
  imports: [IdentityModule, AuditCoreModule],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersCoreModule {}
