import { ApiProperty } from '@nestjs/swagger';
import {
  CONFIDENCES,
  CRIME_TYPES,
  RISK_LEVELS,
  RISK_TRENDS,
  STAGES,
  type Confidence,
  type CrimeType,
  type RiskLevel,
  type RiskTrend,
  type Stage,
} from '@vigil/domain';
import { PersonSummary } from '../../cases/dto/case.response.js';
import {
  ASSESSMENT_FLAGS,
  ASSESSMENT_STATUSES,
  type AssessmentFlag,
  type AssessmentStatus,
} from '../assessment-terms.js';

/** One factor's rating as recorded. */
export class RatingResponse {
  @ApiProperty({ minimum: 1, maximum: 14 }) factor!: number;
  @ApiProperty({ minimum: 0, maximum: 4 }) rating!: number;
  @ApiProperty({ enum: CONFIDENCES }) confidence!: Confidence;
  @ApiProperty() rationale!: string;
  /** Only the items you may read; others cited stay recorded but are not shown to you. */
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceItemIds!: string[];
  @ApiProperty({ type: [String], example: ['7.14'] }) indicatorIds!: string[];
}

/** A risk assessment of a case for one month (docs/architecture.md §9). */
export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2026-05' }) period!: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status!: AssessmentStatus;
  @ApiProperty({ enum: CRIME_TYPES, isArray: true }) crimeTypes!: CrimeType[];
  @ApiProperty({ type: [Number], description: 'Factors that apply to these crime types' })
  applicableFactors!: number[];
  @ApiProperty({ type: [RatingResponse] }) ratings!: RatingResponse[];
  @ApiProperty({ enum: RISK_LEVELS, nullable: true, type: String })
  overallLevel!: RiskLevel | null;
  @ApiProperty({ enum: RISK_LEVELS, description: 'Computed from the applicable ratings' })
  computedLevel!: RiskLevel;
  @ApiProperty({ type: [String], description: 'Why the computed level is what it is' })
  computedReasons!: string[];
  @ApiProperty({
    enum: RISK_TRENDS,
    nullable: true,
    type: String,
    description: 'Against the previous finalised period; set when finalised',
  })
  trend!: RiskTrend | null;
  @ApiProperty({ enum: ASSESSMENT_FLAGS, isArray: true }) flags!: AssessmentFlag[];
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedesId!: string | null;
  @ApiProperty({ description: 'Send back with PATCH (optimistic lock)' }) version!: number;
  @ApiProperty({ type: PersonSummary }) createdBy!: PersonSummary;
  @ApiProperty({ type: PersonSummary, nullable: true }) finalisedBy!: PersonSummary | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalisedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A case's assessments, newest period first. */
export class AssessmentPageResponse {
  @ApiProperty({ type: [AssessmentResponse] }) items!: AssessmentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** New information on one factor since the case's latest finalised assessment. */
export class FactorEvidenceResponse {
  @ApiProperty({ minimum: 1, maximum: 14 }) factor!: number;
  @ApiProperty() shortName!: string;
  @ApiProperty({
    description: 'Items you may read, linked to the case, tagged with its indicators',
  })
  newItems!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) latestItemAt!: string | null;
}

/** Suggestions for the next assessment: what arrived since the last one, per factor. */
export class EvidenceSinceResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the latest finalised assessment was finalised; null when there is none',
  })
  since!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assessmentId!: string | null;
  @ApiProperty({ type: [FactorEvidenceResponse] }) items!: FactorEvidenceResponse[];
}

/** A risk factor as a heat-map column. */
export class HeatMapFactor {
  @ApiProperty({ minimum: 1, maximum: 14 }) factor!: number;
  @ApiProperty() shortName!: string;
}

/** One case's standing assessment as a heat-map row. */
export class HeatMapRow {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'KEN' }) country!: string;
  @ApiProperty({ example: 'Kenya' }) countryName!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ enum: RISK_LEVELS }) overallLevel!: RiskLevel;
  @ApiProperty({ enum: RISK_TRENDS, nullable: true, type: String }) trend!: RiskTrend | null;
  @ApiProperty({ example: '2026-05' }) period!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { '1': 3, '7': 4 },
    description: 'Rating per factor number; factors not rated are absent',
  })
  ratings!: Record<string, number>;
}

/** Readable cases with a standing finalised assessment, highest level first. */
export class HeatMapResponse {
  @ApiProperty({ type: [HeatMapFactor] }) factors!: HeatMapFactor[];
  @ApiProperty({ type: [HeatMapRow] }) items!: HeatMapRow[];
}
