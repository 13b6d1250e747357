import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  CreateSourceDto,
  ListSourcesQueryDto,
  SourcePageResponse,
  SourceResponse,
  UpdateSourceDto,
} from './dto/source.dto.js';
import { SourcesService } from './sources.service.js';

@ApiTags('information')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @RequirePolicy('read', 'Source')
  @ApiOperation({
    summary: 'Sources whose identity you may read, newest first',
    description:
      'Source names and contact notes are encrypted at rest, so this list cannot be ordered by ' +
      'name: it is ordered newest first (created_at, then id; keyset cursor). `q` finds sources ' +
      'by words of their name through a keyed blind index. A source whose stored identity cannot ' +
      'be decrypted is listed with `unreadable: true`.',
  })
  @ApiOkResponse({ type: SourcePageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListSourcesQueryDto,
  ): Promise<SourcePageResponse> {
    return this.sources.list(ctx, query);
  }

  @Post()
  @RequirePolicy('create', 'Source')
  @ApiOperation({ summary: 'Record a source (name, kind, reliability A–F, contact notes)' })
  @ApiCreatedResponse({ type: SourceResponse })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSourceDto): Promise<SourceResponse> {
    return this.sources.create(ctx, dto);
  }

  @Get(':id')
  @RequirePolicy('read', 'Source')
  @ApiOperation({ summary: 'One source (404 unless you may know who it is)' })
  @ApiOkResponse({ type: SourceResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<SourceResponse> {
    return this.sources.get(ctx, id);
  }

  @Patch(':id')
  @HttpCode(200)
  @RequirePolicy('update', 'Source')
  @ApiOperation({ summary: 'Edit a source; send the version you read' })
  @ApiOkResponse({ type: SourceResponse })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateSourceDto,
  ): Promise<SourceResponse> {
    return this.sources.update(ctx, id, dto);
  }
}
