import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_TYPES,
  ADDRESSEE_KINDS,
  STAGES,
  type ActionType,
  type AddresseeKind,
  type RecommendationStatus,
  type Stage,
} from '@vigil/domain';

/** How many endorsements one organisation's members gave. */
export class OrganisationEndorsementCount {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ example: 'OHCHR' }) acronym!: string;
  @ApiProperty() name!: string;
  @ApiProperty() count!: number;
}

/** Endorsements of a situation, counted per organisation. */
export class EndorsementCounts {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OrganisationEndorsementCount] })
  byOrganisation!: OrganisationEndorsementCount[];
}

/** The caller's own endorsement. */
export class MyEndorsement {
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A recommendation as the Framework Team sees it: approved, with only these fields. */
export class ApprovedRecommendation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() addresseeName!: string;
  @ApiProperty({ enum: ADDRESSEE_KINDS }) addresseeKind!: AddresseeKind;
  @ApiProperty({ enum: ACTION_TYPES }) actionType!: ActionType;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['approved', 'transmitted', 'implemented'] }) status!: RecommendationStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
}

/**
 * The Framework Team's restricted view of a priority situation (docs/architecture.md §5): only
 * these fields.
 * Sources, information items, drafts and the internal thread are never in it.
 */
export class PrioritySituationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SIT-2026-0001' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'KEN', description: 'ISO 3166-1 alpha-3' }) country!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ type: String, nullable: true, enum: ['low', 'moderate', 'high', 'very_high'] })
  riskLevel!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['deteriorated', 'unchanged', 'improved'] })
  riskTrend!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({
    type: [ApprovedRecommendation],
    description:
      'Recommendations approved by an adviser (and those since transmitted or implemented)',
  })
  approvedRecommendations!: ApprovedRecommendation[];
  @ApiProperty({ type: EndorsementCounts }) endorsements!: EndorsementCounts;
  @ApiProperty({ type: MyEndorsement, nullable: true }) myEndorsement!: MyEndorsement | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A page of priority situations. */
export class PrioritySituationPageResponse {
  @ApiProperty({ type: [PrioritySituationResponse] }) items!: PrioritySituationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** The caller's endorsement as saved. */
export class EndorsementResponse {
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation it counts for' })
  organisationId!: string;
}

/** An organisation as shown beside an endorsement. */
export class EndorsingOrganisation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() acronym!: string;
  @ApiProperty() name!: string;
}

/** One endorsement as the Office sees it. */
export class CaseEndorsement {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: EndorsingOrganisation }) organisation!: EndorsingOrganisation;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** Every endorsement of a case, newest first, with the counts per organisation. */
export class CaseEndorsementsResponse {
  @ApiProperty({ type: [CaseEndorsement] }) items!: CaseEndorsement[];
  @ApiProperty({ type: [OrganisationEndorsementCount] })
  byOrganisation!: OrganisationEndorsementCount[];
  @ApiProperty() total!: number;
}
