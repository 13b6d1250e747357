import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated } from '../authorization/policy.decorator.js';
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

  @Get('cases/:id/comments')
  @Authenticated()
  @ApiOperation({ summary: 'A thread of a case, oldest first (keyset pages of up to 200)' })
  @ApiOkResponse({ type: CommentPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: ListCommentsQueryDto,
  ): Promise<CommentPageResponse> {
    return this.comments.list(ctx, id, query);
  }

  @Get('cases/:id/comments/mentionable')
  @Authenticated()
  @ApiOperation({ summary: 'Up to 20 active people who may read the thread, by display name' })
  @ApiOkResponse({ type: MentionableResponse })
  async mentionable(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: MentionableQueryDto,
  ): Promise<MentionableResponse> {
    return { items: await this.mentions.mentionable(ctx, id, query.thread, query.q) };
  }

  @Post('cases/:id/comments')
  @Authenticated()
  @ApiOperation({ summary: 'Comment, or reply to a top-level comment, in a thread' })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Bad reply target or mention' })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(ctx, id, dto);
  }

  @Patch('comments/:id')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Edit your comment (marked edited)' })
  @ApiOkResponse({ type: CommentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The comment was deleted' })
  edit(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.edit(ctx, id, dto);
  }

  @Delete('comments/:id')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Delete your comment; it stays in place as deleted, replies too' })
  @ApiOkResponse({ type: CommentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already deleted' })
  remove(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<CommentResponse> {
    return this.comments.remove(ctx, id);
  }
}
