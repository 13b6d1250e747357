import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service.js';
import { AuditVerifyResponse } from '../audit/dto/audit-verify.response.js';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditPageResponse } from './dto/audit-entry.response.js';
import { ListAuditQueryDto } from './dto/list-audit.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditLogController {
  constructor(
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePolicy('read', 'AuditEntry')
  @ApiOperation({
    summary: 'Audit entries, newest first (admin)',
    description:
      'Who, when, which action on which record always; the values that changed only where you may read that record now (see withheldFields).',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Ctx() ctx: RequestContext, @Query() query: ListAuditQueryDto): Promise<AuditPageResponse> {
    return this.log.list(ctx, query);
  }

  @Get('verify')
  @RequirePolicy('read', 'AuditEntry')
  @ApiOperation({ summary: 'Walk the hash chain and report the first broken entry (admin)' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
