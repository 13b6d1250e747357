import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { IdentityModule } from '../auth/identity.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [AuditCoreModule, IdentityModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
