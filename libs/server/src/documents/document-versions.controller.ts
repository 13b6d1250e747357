import { applyDecorators, Controller, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
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
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such document or version, or hidden' })
@Controller('documents/:id')
export class DocumentVersionsController {
  constructor(
    private readonly versions: DocumentVersionsService,
    private readonly exports: DocumentExportService,
  ) {}

  @Route('POST', 'versions', {
    access: ['draft', 'Case'],
    summary: 'Save a version: freeze the current text (plain text, HTML, sha256)',
    answers: DocumentVersionResponse,
  })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'The text is frozen (approved or transmitted)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'The document is nested too deeply to freeze (stored before the limits)',
  })
  save(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<DocumentVersionResponse> {
    return this.versions.save(ctx, id);
  }

  @Route('GET', 'versions', {
    access: ['read', 'Case'],
    summary: 'Frozen versions, newest first (without their text)',
    answers: DocumentVersionPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<DocumentVersionPageResponse> {
    return this.versions.list(ctx, id, query);
  }

  @Route('GET', 'versions/:number', {
    access: ['read', 'Case'],
    summary: 'One version with its plain text and sanitised HTML',
    answers: DocumentVersionResponse,
  })
  get(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Param('number') number: string,
  ): Promise<DocumentVersionResponse> {
    return this.versions.get(ctx, id, number);
  }

  @Route('GET', 'versions/:number/pdf', {
    access: ['read', 'Case'],
    summary: 'PDF of a version: reference, classification banner on every page, hash (audited)',
    answers: 'The PDF, with the version sha256 in x-content-sha256',
  })
  @ApiProduces('application/pdf')
  @RenderBudgetResponses()
  async pdf(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
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

  @Route('GET', 'diff', {
    access: ['read', 'Case'],
    summary: 'Word diff between two versions’ plain text',
    answers: DocumentDiffResponse,
  })
  @RenderBudgetResponses()
  diff(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: DiffQueryDto,
  ): Promise<DocumentDiffResponse> {
    return this.versions.diff(ctx, id, query.from, query.to);
  }

  @Route('GET', 'verify', {
    access: ['read', 'Case'],
    summary: 'Recompute the transmitted text’s sha256 and compare',
    answers: DocumentVerifyResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not transmitted' })
  verify(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<DocumentVerifyResponse> {
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
