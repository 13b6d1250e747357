import { applyDecorators, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { DocumentExportService } from './document-export.service.js';
import { DocumentVersionsService } from './document-versions.service.js';
import { DiffQueryDto } from './dto/document-input.dto.js';
import {
  DocumentDiffResponse,
  DocumentVerifyResponse,
  DocumentVersionPageResponse,
  DocumentVersionResponse,
} from './dto/document-version.response.js';

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such document or version, or hidden' })
@Controller('documents/:id')
export class DocumentVersionsController {
  constructor(
    private readonly versions: DocumentVersionsService,
    private readonly exports: DocumentExportService,
  ) {}

  @Post('versions')
  @RequirePolicy('draft', 'Case')
  @ApiOperation({ summary: 'Save a version: freeze the current text (plain text, HTML, sha256)' })
  @ApiCreatedResponse({ type: DocumentVersionResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'The text is frozen (approved or transmitted)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'The document is nested too deeply to freeze (stored before the limits)',
  })
  save(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DocumentVersionResponse> {
    return this.versions.save(ctx, id);
  }

  @Get('versions')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Frozen versions, newest first (without their text)' })
  @ApiOkResponse({ type: DocumentVersionPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<DocumentVersionPageResponse> {
    return this.versions.list(ctx, id, query);
  }

  @Get('versions/:number')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One version with its plain text and sanitised HTML' })
  @ApiOkResponse({ type: DocumentVersionResponse })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('number') number: string,
  ): Promise<DocumentVersionResponse> {
    return this.versions.get(ctx, id, number);
  }

  @Get('versions/:number/pdf')
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary: 'PDF of a version: reference, classification banner on every page, hash (audited)',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with the version sha256 in x-content-sha256' })
  @RenderBudgetResponses()
  async pdf(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('number') number: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.exports.versionPdf(ctx, id, number);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentHeader(file.fileName))
      .header('x-content-sha256', file.sha256)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  }

  @Get('diff')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Word diff between two versions’ plain text' })
  @ApiOkResponse({ type: DocumentDiffResponse })
  @RenderBudgetResponses()
  diff(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: DiffQueryDto,
  ): Promise<DocumentDiffResponse> {
    return this.versions.diff(ctx, id, query.from, query.to);
  }

  @Get('verify')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Recompute the transmitted text’s sha256 and compare' })
  @ApiOkResponse({ type: DocumentVerifyResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not transmitted' })
  verify(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DocumentVerifyResponse> {
    return this.versions.verify(ctx, id);
  }
}

/** The answers of work done in the render pool past its budgets (RenderPool). */
function RenderBudgetResponses(): MethodDecorator {
  return applyDecorators(
    ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'Over the size budget' }),
    ApiUnprocessableEntityResponse({
      type: ErrorResponse,
      description: 'Over the time budget, or nested too deeply to lay out',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorResponse,
      description: 'Every render thread busy and the queue full (Retry-After)',
    }),
  );
}

/** `attachment` with an ASCII name (the file name is built from ASCII already). */
function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')}"`;
}
