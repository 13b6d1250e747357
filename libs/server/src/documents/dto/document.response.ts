import { ApiProperty } from '@nestjs/swagger';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  DOCUMENT_TRANSITIONS,
  type DocumentKind,
  type DocumentStatus,
  type DocumentTransition,
} from '@vigil/domain';

/** Who created a document or froze a version. */
export class DocumentPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

/** A review step another adviser must take (you took part), with the reason in words. */
export class FourEyesBlock {
  @ApiProperty({ enum: DOCUMENT_TRANSITIONS }) transition!: DocumentTransition;
  @ApiProperty({
    example: 'You submitted this document for review: another adviser must approve it.',
  })
  reason!: string;
}

/** A collaborative document of a case (its text lives in Yjs; see the versions for frozen text). */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  /** The transmitted document this one revises. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revisionOf!: string | null;
  /** The revision started from this (transmitted) document, if any. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revisionId!: string | null;
  /** Optimistic lock of the status: send it back with a review step. */
  @ApiProperty() version!: number;
  @ApiProperty({ type: DocumentPerson }) createdBy!: DocumentPerson;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) transmittedTo!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) transmittedAt!: string | null;
  /** sha256 (hex) of the transmitted text. */
  @ApiProperty({ type: String, nullable: true }) transmittedSha256!: string | null;
  /** You may change the text now (you draft on the case and the status allows it). */
  @ApiProperty() canEdit!: boolean;
  /** The review steps you may take now. */
  @ApiProperty({ enum: DOCUMENT_TRANSITIONS, isArray: true })
  allowedTransitions!: DocumentTransition[];
  /** Steps your rights and the status allow but that another adviser must take (four eyes). */
  @ApiProperty({ type: [FourEyesBlock] })
  needsAnotherAdviser!: FourEyesBlock[];
}

/** A page of a case's documents, newest first. */
export class DocumentPageResponse {
  @ApiProperty({ type: [DocumentResponse] }) items!: DocumentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
