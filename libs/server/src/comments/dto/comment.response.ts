import { ApiProperty } from '@nestjs/swagger';
import { COMMENT_THREADS, type CommentThread } from '@vigil/domain';

/** Someone who may be mentioned, or who wrote a comment. */
export class CommentPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'OHCHR' }) organisationAcronym!: string;
}

/** A person mentioned in a comment. */
export class CommentMention {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

/** A comment of a case thread. A deleted one stays in place with no text. */
export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: COMMENT_THREADS }) thread!: CommentThread;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: CommentPerson }) author!: CommentPerson;
  @ApiProperty({ description: "Markdown source ('' once deleted)" }) body!: string;
  @ApiProperty({ description: "Rendered and sanitised HTML ('' once deleted)" }) bodyHtml!: string;
  @ApiProperty({ type: [CommentMention] }) mentions!: CommentMention[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt!: string | null;
  @ApiProperty() deleted!: boolean;
}

/** A page of a thread, oldest first; pass nextCursor back as `cursor`. */
export class CommentPageResponse {
  @ApiProperty({ type: [CommentResponse] }) items!: CommentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Up to 20 people who may be mentioned in a thread. */
export class MentionableResponse {
  @ApiProperty({ type: [CommentPerson] }) items!: CommentPerson[];
}
