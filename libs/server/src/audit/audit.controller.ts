import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditPageResponse, AuditVerifyResponse } from './dto/audit-entry.response.js';
import { ListAuditQueryDto } from './dto/list-audit.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePolicy('read', 'AuditEntry')
  @ApiOperation({ summary: 'Audit entries, newest first (admin)' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() query: ListAuditQueryDto): Promise<AuditPageResponse> {
    return this.audit.list(query);
  }

  @Get('verify')
  @RequirePolicy('read', 'AuditEntry')
  @ApiOperation({ summary: 'Walk the hash chain and report the first broken entry (admin)' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
