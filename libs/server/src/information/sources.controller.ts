import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  CreateSourceDto,
  ListSourcesQueryDto,
  SourcePageResponse,
  SourceResponse,
  UpdateSourceDto,
} from './dto/source.dto.js';
import { SourcesService } from './sources.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('information')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Route('GET', undefined, {
    access: ['read', 'Source'],
    summary: 'Sources whose identity you may read, newest first',
    description:
      'Source names and contact notes are encrypted at rest, so this list cannot be ordered by ' +
      'name: it is ordered newest first (created_at, then id; keyset cursor). `q` finds sources ' +
      'by words of their name through a keyed blind index. A source whose stored identity cannot ' +
      'be decrypted is listed with `unreadable: true`.',
    answers: SourcePageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListSourcesQueryDto,
  ): Promise<SourcePageResponse> {
    return this.sources.list(ctx, query);
  }

  @Route('POST', undefined, {
    access: ['create', 'Source'],
    summary: 'Record a source (name, kind, reliability A–F, contact notes)',
    answers: SourceResponse,
  })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSourceDto): Promise<SourceResponse> {
    return this.sources.create(ctx, dto);
  }

  @Route('GET', ':id', {
    access: ['read', 'Source'],
    summary: 'One source (404 unless you may know who it is)',
    answers: SourceResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<SourceResponse> {
    return this.sources.get(ctx, id);
  }

  @Route('PATCH', ':id', {
    access: ['update', 'Source'],
    summary: 'Edit a source; send the version you read',
    answers: SourceResponse,
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateSourceDto,
  ): Promise<SourceResponse> {
    return this.sources.update(ctx, id, dto);
  }
}
