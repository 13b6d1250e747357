import { Body, Controller, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vigil/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Types only: request.isMultipart() and request.file(), which the api registers (create-app.ts).
import type {} from '@fastify/multipart';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AttachmentsService } from './attachments.service.js';
import { CreateItemDto, SpeechAssessmentDto, UpdateItemDto } from './dto/item-input.dto.js';
import {
  AttachmentResponse,
  ItemCountResponse,
  ItemPageResponse,
  ItemResponse,
} from './dto/item.response.js';
import { ItemFiltersDto } from './dto/list-items.query.js';
import { InformationItemsService } from './information-items.service.js';
import { ItemExportService } from './item-export.service.js';
import { SpeechAssessmentsService } from './speech-assessments.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('information')
@ApiBearerAuth()
@Controller('information-items')
export class InformationItemsController {
  constructor(
    private readonly items: InformationItemsService,
    private readonly speech: SpeechAssessmentsService,
    private readonly attachments: AttachmentsService,
    private readonly exports: ItemExportService,
  ) {}

  @Route('GET', undefined, {
    access: ['read', 'InformationItem'],
    summary: 'Search the information you may read: words, filters, keyset pages',
    answers: ItemPageResponse,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: ItemFiltersDto): Promise<ItemPageResponse> {
    return this.items.list(ctx, query);
  }

  @Route('GET', 'count', {
    access: ['read', 'InformationItem'],
    summary: 'How many items you may read match the filters (counted up to 1,000)',
    answers: ItemCountResponse,
  })
  count(@Ctx() ctx: RequestContext, @Query() query: ItemFiltersDto): Promise<ItemCountResponse> {
    return this.items.count(ctx, query);
  }

  @Route('GET', 'export.csv', {
    access: ['read', 'InformationItem'],
    summary: 'CSV of the items matching the filters that you may read (audited)',
    answers: 'CSV, UTF-8 with a byte-order mark',
  })
  @ApiProduces('text/csv')
  async exportCsv(
    @Ctx() ctx: RequestContext,
    @Query() query: ItemFiltersDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { csv, rows, truncated } = await this.exports.exportCsv(ctx, query);
    const day = new Date().toISOString().slice(0, 10);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachmentHeader(`vigil-information-${day}.csv`))
      .header('x-export-rows', String(rows))
      .header('x-export-truncated', String(truncated))
      .header('cache-control', 'no-store')
      .send(csv);
  }

  @Route('POST', undefined, {
    access: ['create', 'InformationItem'],
    summary: 'Record an information item with its source grade (e.g. B2)',
    answers: ItemResponse,
  })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateItemDto): Promise<ItemResponse> {
    return this.items.create(ctx, dto);
  }

  @Route('GET', ':id', {
    access: ['read', 'InformationItem'],
    summary: 'One item, its attachments and speech assessment',
    answers: ItemResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<ItemResponse> {
    return this.items.get(ctx, id);
  }

  @Route('PATCH', ':id', {
    access: ['update', 'InformationItem'],
    summary: 'Edit an item; send the version you read (409 with currentVersion)',
    answers: ItemResponse,
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateItemDto,
  ): Promise<ItemResponse> {
    return this.items.update(ctx, id, dto);
  }

  @Route('PUT', ':id/speech-assessment', {
    access: ['update', 'InformationItem'],
    summary: 'Record or replace the Rabat assessment of a speech item',
    answers: ItemResponse,
  })
  saveSpeech(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: SpeechAssessmentDto,
  ): Promise<ItemResponse> {
    return this.speech.save(ctx, id, dto);
  }

  @Route('POST', ':id/attachments', {
    access: ['update', 'InformationItem'],
    summary: 'Attach a file (multipart field "file"); type checked from its bytes',
    answers: AttachmentResponse,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async attach(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentResponse> {
    if (!request.isMultipart()) {
      throw new DomainError('validation_failed', 'Send the file as multipart/form-data.', [
        { field: 'file', message: 'is required' },
      ]);
    }
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw new DomainError('validation_failed', 'No file in the field "file".', [
        { field: 'file', message: 'is required' },
      ]);
    }
    const content = await part.toBuffer();
    return this.attachments.add(ctx, id, {
      fileName: part.filename,
      declaredType: part.mimetype,
      content,
    });
  }

  @Route('GET', ':id/attachments/:attachmentId', {
    access: ['read', 'InformationItem'],
    summary: 'Download an attachment',
    answers: 'The file, with its sha256 in x-content-sha256',
  })
  async download(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.attachments.download(ctx, id, attachmentId);
    await reply
      .header('content-type', file.mediaType)
      .header('content-disposition', attachmentHeader(file.fileName))
      .header('x-content-sha256', file.sha256)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function attachmentHeader(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
