import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { STAGES, type Stage } from '@vigil/domain';
import { PageQueryDto } from '../../common/pagination.js';
import { PersonSummary } from '../../cases/dto/case.response.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A proposal to move a case (escalation, de-escalation, or closure with `closed`). */
export class ProposeEscalationDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES, { message: `toStage must be one of ${STAGES.join(', ')}` })
  toStage!: Stage;

  @ApiProperty({ description: 'Why the case should move; shown to the approvers' })
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'justification is required (up to 5000 characters)' })
  justification!: string;
}

/** A decision's note (approve, reject, withdraw). */
export class DecisionNoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  note?: string;
}

/** A note for a review or reopening. */
export class RequiredNoteDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'note is required (up to 5000 characters)' })
  note!: string;
}

/** Filters of the escalations list. */
export class ListEscalationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['pending', 'approved', 'rejected', 'withdrawn'],
    default: 'pending',
  })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected', 'withdrawn'])
  status?: 'pending' | 'approved' | 'rejected' | 'withdrawn';
}

/** One approval on a proposal. */
export class ApprovalResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  /** The approver's account: tells apart two approvers of one name. */
  @ApiProperty({ format: 'email', description: "The approver's account (e-mail)" })
  email!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

/** A proposal to move a case, with its approvals. */
export class EscalationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseReference!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty({ enum: STAGES }) fromStage!: Stage;
  @ApiProperty({ enum: STAGES }) toStage!: Stage;
  @ApiProperty() justification!: string;
  @ApiProperty({ type: PersonSummary }) proposedBy!: PersonSummary;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: [ApprovalResponse] }) approvals!: ApprovalResponse[];
  @ApiProperty() approvalsRequired!: number;
  @ApiProperty({ type: PersonSummary, nullable: true }) decidedBy!: PersonSummary | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Seconds since it was proposed (pending) or until it was decided' })
  waitingSeconds!: number;
  @ApiProperty({ description: 'Whether the caller may approve it now' }) canApprove!: boolean;
}

/** A page of escalations. */
export class EscalationPageResponse {
  @ApiProperty({ type: [EscalationResponse] }) items!: EscalationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
