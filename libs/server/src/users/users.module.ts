import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { IdentityModule } from '../auth/identity.module.js';
import { AccountChangesController } from './account-changes.controller.js';
import { AccountChangesService } from './account-changes.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [IdentityModule, AuditCoreModule],
  controllers: [UsersController, AccountChangesController],
  providers: [UsersService, AccountChangesService],
  exports: [UsersService],
})
export class UsersModule {}

/** UsersService without routes, for the CLI and the seed. */
@Module({
  imports: [IdentityModule, AuditCoreModule],
  providers: [UsersService, AccountChangesService],
  exports: [UsersService],
})
export class UsersCoreModule {}
