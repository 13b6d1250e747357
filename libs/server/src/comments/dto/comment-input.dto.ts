import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_MAX_MENTIONS,
  COMMENT_THREADS,
  type CommentThread,
} from '@vigil/domain';

const THREAD_MESSAGE = `thread must be one of ${COMMENT_THREADS.join(', ')}`;
const BODY_MESSAGE = `body must be 1 to ${COMMENT_MAX_LENGTH} characters`;

/** Which thread of a case a request is about. */
export class ThreadQueryDto {
  @ApiProperty({ enum: COMMENT_THREADS })
  @IsIn(COMMENT_THREADS, { message: THREAD_MESSAGE })
  thread!: CommentThread;
}

/** One page of a thread, oldest first. */
export class ListCommentsQueryDto extends ThreadQueryDto {
  /** Opaque cursor from the previous page's `nextCursor`. */
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  /** Page size, 1–200 (default 100): a thread is usually read whole. */
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Search among the people who may be mentioned in a thread. */
export class MentionableQueryDto extends ThreadQueryDto {
  /** Matches the display name, case-insensitively. */
  @ApiPropertyOptional({ description: 'Matches the display name, case-insensitively' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** The text of a comment and whom it mentions. */
export class CommentBodyDto {
  /** Markdown; rendered and sanitised on output. */
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH, description: 'Markdown source' })
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH, { message: BODY_MESSAGE })
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  /** People to notify; each must be able to read the thread. */
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: COMMENT_MAX_MENTIONS,
    description: 'Users to notify; each must be able to read the thread',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COMMENT_MAX_MENTIONS, {
    message: `at most ${COMMENT_MAX_MENTIONS} people can be mentioned in one comment`,
  })
  @IsUUID('all', { each: true, message: 'each mention must be a user id (UUID)' })
  mentions?: string[];
}

/** A new comment or reply. */
export class CreateCommentDto extends CommentBodyDto {
  @ApiProperty({ enum: COMMENT_THREADS })
  @IsIn(COMMENT_THREADS, { message: THREAD_MESSAGE })
  thread!: CommentThread;

  /** A top-level comment of the same thread to reply to (one level of replies). */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A top-level comment of the same thread',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a comment id (UUID)' })
  parentId?: string;
}

/** An edit by the author; omitting `mentions` keeps the ones the comment has. */
export class UpdateCommentDto extends CommentBodyDto {}
