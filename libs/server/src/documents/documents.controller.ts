import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { DocumentReviewService } from './document-review.service.js';
import { DocumentsService } from './documents.service.js';
import {
  CreateDocumentDto,
  DocumentStepDto,
  ReturnDocumentDto,
  TransmitDocumentDto,
} from './dto/document-input.dto.js';
import { DocumentPageResponse, DocumentResponse } from './dto/document.response.js';

/** Every status change freezes a version: a document stored nested too deeply cannot be frozen. */
const TOO_DEEP_TO_FREEZE = 'The document is nested too deeply to freeze (stored before the limits)';

// Drafts are Office material: the Framework Team reads no case here, so these answer them 404.
@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case or document, or hidden' })
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly review: DocumentReviewService,
  ) {}

  @Post('cases/:id/documents')
  @RequirePolicy('draft', 'Case')
  @ApiOperation({ summary: 'Start a document on a case (those who draft on it)' })
  @ApiCreatedResponse({ type: DocumentResponse })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateDocumentDto,
  ): Promise<DocumentResponse> {
    return this.documents.create(ctx, id, dto);
  }

  @Get('cases/:id/documents')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Documents of a case, newest first' })
  @ApiOkResponse({ type: DocumentPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<DocumentPageResponse> {
    return this.documents.list(ctx, id, query);
  }

  @Get('documents/:id')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One document (its text: the socket, or a frozen version)' })
  @ApiOkResponse({ type: DocumentResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DocumentResponse> {
    return this.documents.get(ctx, id);
  }

  @Post('documents/:id/submit')
  @HttpCode(200)
  @RequirePolicy('draft', 'Case')
  @ApiOperation({ summary: 'Submit for review: drafting → in review (freezes a version)' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in drafting, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  submit(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: DocumentStepDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'submit', dto);
  }

  @Post('documents/:id/approve')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({ summary: 'Approve (advisers): in review → approved; the text is frozen' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not an adviser of this case' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in review, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: DocumentStepDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'approve', dto);
  }

  @Post('documents/:id/return')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({
    summary: 'Return to drafting with a note (advisers): from in review or approved',
  })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in review or approved' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  returnToDrafting(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: ReturnDocumentDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'return', dto);
  }

  @Post('documents/:id/transmit')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({
    summary: 'Transmit an approved document (advisers): records to whom, when and the text hash',
  })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not approved, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  transmit(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: TransmitDocumentDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'transmit', dto);
  }

  @Post('documents/:id/revisions')
  @RequirePolicy('draft', 'Case')
  @ApiOperation({
    summary: 'Revise a transmitted document: a new drafting document with the same content',
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not transmitted, or already revised' })
  revise(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<DocumentResponse> {
    return this.documents.startRevision(ctx, id);
  }
}
