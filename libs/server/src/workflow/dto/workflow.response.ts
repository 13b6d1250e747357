import { ApiProperty } from '@nestjs/swagger';
import { STAGES, WORKFLOW_EVENT_TYPES, type Stage, type WorkflowEventType } from '@vigil/domain';

/** Where a case stands in its workflow and what the caller may do now. */
export class WorkflowResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ enum: ['steady', 'pending'] }) subState!: 'steady' | 'pending';
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pendingEscalationId!:
    string | null;
  @ApiProperty({
    enum: WORKFLOW_EVENT_TYPES,
    isArray: true,
    description: 'Events this user may send now',
  })
  allowedEvents!: WorkflowEventType[];
  @ApiProperty({ enum: STAGES, isArray: true, description: 'Targets this user may propose now' })
  proposableStages!: Stage[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextReviewDue!: string | null;
}
