import { Body, Controller, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
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
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

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

  @Route('POST', 'cases/:id/documents', {
    access: ['draft', 'Case'],
    summary: 'Start a document on a case (those who draft on it)',
    answers: DocumentResponse,
  })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: CreateDocumentDto,
  ): Promise<DocumentResponse> {
    return this.documents.create(ctx, id, dto);
  }

  @Route('GET', 'cases/:id/documents', {
    access: ['read', 'Case'],
    summary: 'Documents of a case, newest first',
    answers: DocumentPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<DocumentPageResponse> {
    return this.documents.list(ctx, id, query);
  }

  @Route('GET', 'documents/:id', {
    access: ['read', 'Case'],
    summary: 'One document (its text: the socket, or a frozen version)',
    answers: DocumentResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<DocumentResponse> {
    return this.documents.get(ctx, id);
  }

  @Route('POST', 'documents/:id/submit', {
    access: ['draft', 'Case'],
    summary: 'Submit for review: drafting → in review (freezes a version)',
    answers: DocumentResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in drafting, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  submit(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: DocumentStepDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'submit', dto);
  }

  @Route('POST', 'documents/:id/approve', {
    access: ['approve', 'Case'],
    summary: 'Approve (advisers): in review → approved; the text is frozen',
    answers: DocumentResponse,
    status: 200,
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not an adviser of this case' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in review, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  approve(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: DocumentStepDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'approve', dto);
  }

  @Route('POST', 'documents/:id/return', {
    access: ['approve', 'Case'],
    summary: 'Return to drafting with a note (advisers): from in review or approved',
    answers: DocumentResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not in review or approved' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  returnToDrafting(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: ReturnDocumentDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'return', dto);
  }

  @Route('POST', 'documents/:id/transmit', {
    access: ['approve', 'Case'],
    summary: 'Transmit an approved document (advisers): records to whom, when and the text hash',
    answers: DocumentResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not approved, or stale version' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: TOO_DEEP_TO_FREEZE })
  transmit(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: TransmitDocumentDto,
  ): Promise<DocumentResponse> {
    return this.review.step(ctx, id, 'transmit', dto);
  }

  @Route('POST', 'documents/:id/revisions', {
    access: ['draft', 'Case'],
    summary: 'Revise a transmitted document: a new drafting document with the same content',
    answers: DocumentResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not transmitted, or already revised' })
  revise(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<DocumentResponse> {
    return this.documents.startRevision(ctx, id);
  }
}
