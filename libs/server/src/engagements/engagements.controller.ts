import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CreateEngagementDto, UpdateEngagementDto } from './dto/engagement-input.dto.js';
import { EngagementPageResponse, EngagementResponse } from './dto/engagement.response.js';
import { EngagementsService } from './engagements.service.js';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller()
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Post('cases/:id/engagements')
  @RequirePolicy('draft', 'Case')
  @ApiOperation({ summary: 'Record an engagement with a partner (members and advisers)' })
  @ApiCreatedResponse({ type: EngagementResponse })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateEngagementDto,
  ): Promise<EngagementResponse> {
    return this.engagements.create(ctx, id, dto);
  }

  @Get('cases/:id/engagements')
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary: 'Engagements of a case, newest date first, with overdue follow-ups flagged',
  })
  @ApiOkResponse({ type: EngagementPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<EngagementPageResponse> {
    return this.engagements.list(ctx, id, query);
  }

  @Patch('engagements/:id')
  @HttpCode(200)
  @RequirePolicy('draft', 'Case')
  @ApiOperation({
    summary:
      'Edit an engagement or mark its follow-up done; send the version you read (409 with currentVersion if stale)',
  })
  @ApiOkResponse({ type: EngagementResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateEngagementDto,
  ): Promise<EngagementResponse> {
    return this.engagements.update(ctx, id, dto);
  }
}
