import { ApiProperty } from '@nestjs/swagger';
import {
  DOCUMENT_STATUSES,
  VERSION_REASONS,
  type DocumentStatus,
  type VersionReason,
} from '@vigil/domain';
import { DocumentPerson } from './document.response.js';

/** A frozen version, without its text (for the list). */
export class DocumentVersionSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  /** 1, 2, 3 ... per document. */
  @ApiProperty() number!: number;
  @ApiProperty({ enum: VERSION_REASONS }) reason!: VersionReason;
  /** The document's status once this version was frozen. */
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  /** Hex sha256 of the UTF-8 plain text. */
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;
  @ApiProperty({ type: DocumentPerson }) createdBy!: DocumentPerson;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A frozen version with its plain text and sanitised HTML. */
export class DocumentVersionResponse extends DocumentVersionSummary {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Sanitised HTML, safe to insert as is' }) html!: string;
}

/** A document's versions, newest first. */
export class DocumentVersionPageResponse {
  @ApiProperty({ type: [DocumentVersionSummary] }) items!: DocumentVersionSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** One run of a word diff. */
export class DiffPart {
  @ApiProperty({ enum: ['same', 'added', 'removed'] }) kind!: 'same' | 'added' | 'removed';
  @ApiProperty() text!: string;
}

/** A word diff between two versions' plain text. */
export class DocumentDiffResponse {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [DiffPart] }) parts!: DiffPart[];
}

/** The transmitted text's hash, recomputed. */
export class DocumentVerifyResponse {
  /** The hash recorded at transmission. */
  @ApiProperty() sha256Stored!: string;
  /** sha256 of the transmitted version's stored text, computed now. */
  @ApiProperty() sha256Computed!: string;
  /** The stored text still hashes to what was recorded (on the document and on its version). */
  @ApiProperty() matches!: boolean;
  /** The text recomputed from the document's Yjs state hashes to the recorded hash too. */
  @ApiProperty() contentMatches!: boolean;
  /** The version frozen at transmission. */
  @ApiProperty() versionNumber!: number;
}
