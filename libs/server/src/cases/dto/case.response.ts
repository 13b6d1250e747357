import { ApiProperty } from '@nestjs/swagger';
import {
  CLASSIFICATIONS,
  ROLES,
  STAGES,
  type Classification,
  type Role,
  type Stage,
} from '@vigil/domain';

/** A person as shown beside a case. */
export class PersonSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

/** A country situation as Office staff see it. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SIT-2026-0001' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'KEN', description: 'ISO 3166-1 alpha-3' }) country!: string;
  @ApiProperty({ example: 'Kenya' }) countryName!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification!: Classification;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ enum: ['steady', 'pending'] }) subState!: 'steady' | 'pending';
  @ApiProperty({ description: 'Send back with PATCH (optimistic lock)' }) version!: number;
  @ApiProperty({ type: String, nullable: true, enum: ['low', 'moderate', 'high', 'very_high'] })
  riskLevel!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['deteriorated', 'unchanged', 'improved'] })
  riskTrend!: string | null;
  @ApiProperty() prioritySituation!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextReviewDue!: string | null;
  @ApiProperty({ description: 'The next review date has passed' }) reviewOverdue!: boolean;
  @ApiProperty({ description: 'Engagements whose follow-up was due before today and is not done' })
  overdueFollowUps!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadAnalystId!: string | null;
  @ApiProperty({ type: PersonSummary, nullable: true }) leadAnalyst!: PersonSummary | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A page of cases. */
export class CasePageResponse {
  @ApiProperty({ type: [CaseResponse] }) items!: CaseResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Counts of one country's cases. */
export class CountryCount {
  @ApiProperty() country!: string;
  @ApiProperty() countryName!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ enum: STAGES, description: 'The highest stage among its open cases' })
  highestStage!: Stage;
}

/** Counts for the situations list and the map, under the same filters (stage aside). */
export class CaseStatsResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { monitoring: 3, alert: 1 },
  })
  byStage!: Record<Stage, number>;
  @ApiProperty({ type: [CountryCount] }) byCountry!: CountryCount[];
  @ApiProperty() total!: number;
}

/** A member of a case. */
export class CaseMemberResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['analyst', 'adviser', 'contributor'] }) role!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

/** Someone who could be added to a case: active Office staff cleared for it, not yet on it. */
export class MemberCandidateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

/** A country for pickers. */
export class CountryResponse {
  @ApiProperty({ example: 'KEN' }) code!: string;
  @ApiProperty({ example: 'Kenya' }) name!: string;
}
