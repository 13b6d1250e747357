import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service.js';
import { AuditVerifyResponse } from '../audit/dto/audit-verify.response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditPageResponse } from './dto/audit-entry.response.js';
import { ListAuditQueryDto } from './dto/list-audit.query.js';
import { Route } from '../authorization/route.decorator.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditLogController {
  constructor(
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
  ) {}

  @Route('GET', undefined, {
    access: ['read', 'AuditEntry'],
    summary: 'Audit entries, newest first (admin)',
    description:
      'Who, when, which action on which record always; the values that changed only where you may read that record now (see withheldFields).',
    answers: AuditPageResponse,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: ListAuditQueryDto): Promise<AuditPageResponse> {
    return this.log.list(ctx, query);
  }

  @Route('GET', 'verify', {
    access: ['read', 'AuditEntry'],
    summary: 'Walk the hash chain and report the first broken entry (admin)',
    answers: AuditVerifyResponse,
  })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
