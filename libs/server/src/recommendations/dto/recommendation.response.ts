import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_TYPES,
  ADDRESSEE_KINDS,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATUSES,
  type ActionType,
  type AddresseeKind,
  type RecommendationAction,
  type RecommendationStatus,
} from '@vigil/domain';
import { PersonSummary } from '../../cases/dto/case.response.js';

/** An organisation as shown beside a recommendation or an engagement. */
export class PartnerOrganisation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OHCHR' }) acronym!: string;
  @ApiProperty() name!: string;
}

/** One change of a recommendation's status. */
export class RecommendationStatusChange {
  @ApiProperty({ enum: RECOMMENDATION_STATUSES, nullable: true, type: String })
  fromStatus!: RecommendationStatus | null;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) toStatus!: RecommendationStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: PersonSummary, nullable: true }) actor!: PersonSummary | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A recommendation the Office makes on a case (docs/architecture.md §6). */
export class RecommendationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId!: string | null;
  @ApiProperty({ enum: ADDRESSEE_KINDS }) addresseeKind!: AddresseeKind;
  @ApiProperty({ type: PartnerOrganisation, nullable: true })
  addresseeOrganisation!: PartnerOrganisation | null;
  @ApiProperty() addresseeName!: string;
  @ApiProperty({ enum: ACTION_TYPES }) actionType!: ActionType;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) status!: RecommendationStatus;
  @ApiProperty({
    enum: RECOMMENDATION_ACTIONS,
    isArray: true,
    description: 'Status changes the status allows next (advisers record them)',
  })
  nextActions!: RecommendationAction[];
  @ApiProperty({ description: 'Send back with PATCH (optimistic lock)' }) version!: number;
  @ApiProperty({ type: PersonSummary }) createdBy!: PersonSummary;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A recommendation with the history of its status changes, oldest first. */
export class RecommendationDetailResponse extends RecommendationResponse {
  @ApiProperty({ type: [RecommendationStatusChange] }) history!: RecommendationStatusChange[];
}

/** A page of a case's recommendations. */
export class RecommendationPageResponse {
  @ApiProperty({ type: [RecommendationResponse] }) items!: RecommendationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
