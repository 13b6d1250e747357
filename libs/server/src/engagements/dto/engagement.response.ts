import { ApiProperty } from '@nestjs/swagger';
import { ENGAGEMENT_KINDS, type EngagementKind } from '@vigil/domain';
import { PersonSummary } from '../../cases/dto/case.response.js';
import { PartnerOrganisation } from '../../recommendations/dto/recommendation.response.js';

/** An engagement with a partner: who, how, when, what came of it, and the follow-up. */
export class EngagementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: PartnerOrganisation }) organisation!: PartnerOrganisation;
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) kind!: EngagementKind;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpDue!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  followUpDoneAt!: string | null;
  @ApiProperty({ description: 'The follow-up was due before today and is not done' })
  followUpOverdue!: boolean;
  @ApiProperty({ description: 'Send back with PATCH (optimistic lock)' }) version!: number;
  @ApiProperty({ type: PersonSummary }) createdBy!: PersonSummary;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A page of a case's engagements, newest date first. */
export class EngagementPageResponse {
  @ApiProperty({ type: [EngagementResponse] }) items!: EngagementResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
