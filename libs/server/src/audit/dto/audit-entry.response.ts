import { ApiProperty } from '@nestjs/swagger';
import type { JsonValue } from '@vigil/domain';

/** One audit entry as the admin sees it. */
export class AuditEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ example: 'user.update' }) action!: string;
  @ApiProperty({ example: 'user' }) entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed' })
  diff!: JsonValue;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

/** A page of audit entries. */
export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Result of walking the chain. */
export class AuditVerifyResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Entries verified before the first broken one (or all)' })
  checked!: number;
  @ApiProperty({ type: Number, nullable: true }) firstBrokenSeq!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
