import { Body, Controller, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CommentMentionsService } from './comment-mentions.service.js';
import { CommentsService } from './comments.service.js';
import {
  CreateCommentDto,
  ListCommentsQueryDto,
  MentionableQueryDto,
  UpdateCommentDto,
} from './dto/comment-input.dto.js';
import {
  CommentPageResponse,
  CommentResponse,
  MentionableResponse,
} from './dto/comment.response.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

// Office staff and the Framework Team both reach these routes, so each declares only that the
// caller is signed in; the service decides per thread (mayReadThread) and answers 404 otherwise.
@ApiTags('comments')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case, or a hidden thread' })
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly mentions: CommentMentionsService,
  ) {}

  @Route('GET', 'cases/:id/comments', {
    access: 'authenticated',
    summary: 'A thread of a case, oldest first (keyset pages of up to 200)',
    answers: CommentPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: ListCommentsQueryDto,
  ): Promise<CommentPageResponse> {
    return this.comments.list(ctx, id, query);
  }

  @Route('GET', 'cases/:id/comments/mentionable', {
    access: 'authenticated',
    summary: 'Up to 20 active people who may read the thread, by display name',
    answers: MentionableResponse,
  })
  async mentionable(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: MentionableQueryDto,
  ): Promise<MentionableResponse> {
    return { items: await this.mentions.mentionable(ctx, id, query.thread, query.q) };
  }

  @Route('POST', 'cases/:id/comments', {
    access: 'authenticated',
    summary: 'Comment, or reply to a top-level comment, in a thread',
    answers: CommentResponse,
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Bad reply target or mention' })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(ctx, id, dto);
  }

  @Route('PATCH', 'comments/:id', {
    access: 'authenticated',
    summary: 'Edit your comment (marked edited)',
    answers: CommentResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The comment was deleted' })
  edit(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.edit(ctx, id, dto);
  }

  @Route('DELETE', 'comments/:id', {
    access: 'authenticated',
    summary: 'Delete your comment; it stays in place as deleted, replies too',
    answers: CommentResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already deleted' })
  remove(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<CommentResponse> {
    return this.comments.remove(ctx, id);
  }
}
