import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { LimitsModule } from '../limits/limits.module.js';
import { AttachmentsService } from './attachments.service.js';
import { FrameworkController } from './framework.controller.js';
import { FrameworkService } from './framework.service.js';
import { InformationItemsController } from './information-items.controller.js';
import { InformationItemsService } from './information-items.service.js';
import { ItemDetailsService } from './item-details.service.js';
import { ItemExportService } from './item-export.service.js';
import { SourcesController } from './sources.controller.js';
import { SourcesService } from './sources.service.js';
import { SpeechAssessmentsService } from './speech-assessments.service.js';
import { SourceIdentityModule } from '../sources/source-identity.module.js';

/**
 * The precursor database: the Framework catalogue, sources, information items
 * (docs/architecture.md §8).
 */
@Module({
  imports: [AuditCoreModule, CasesModule, LimitsModule, SourceIdentityModule],
  controllers: [FrameworkController, SourcesController, InformationItemsController],
  providers: [
    FrameworkService,
    InformationItemsService,
    ItemDetailsService,
    SpeechAssessmentsService,
    AttachmentsService,
    ItemExportService,
    SourcesService,
  ],
  exports: [InformationItemsService, SourcesService, SpeechAssessmentsService],
})
export class InformationModule {}
