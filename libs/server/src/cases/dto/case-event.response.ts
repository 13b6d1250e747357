import { ApiProperty } from '@nestjs/swagger';
import { STAGES, type JsonValue, type Stage } from '@vigil/domain';

/** One entry of a case's timeline. */
export class CaseEventResponse {
  @ApiProperty({ description: "Position in this case's history, from 1" }) seq!: number;
  @ApiProperty({ example: 'case.transitioned' }) type!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, enum: STAGES, nullable: true }) fromStage!: Stage | null;
  @ApiProperty({ type: String, enum: STAGES, nullable: true }) toStage!: Stage | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, JsonValue>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A page of timeline entries; pass nextCursor back as `after`. */
export class CaseEventPageResponse {
  @ApiProperty({ type: [CaseEventResponse] }) items!: CaseEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
