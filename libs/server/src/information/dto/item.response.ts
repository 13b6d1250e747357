import { ApiProperty } from '@nestjs/swagger';
import {
  ACTOR_TYPES,
  CLASSIFICATIONS,
  CONSENTS,
  CRIME_TYPES,
  EVENT_SUBTYPES,
  EVENT_TYPES,
  ITEM_KINDS,
  PRECISIONS,
  RABAT_LEVELS,
  RABAT_PARTS,
  SPEECH_HALLMARKS,
} from '@vigil/domain';
import { PersonSummary } from '../../cases/dto/case.response.js';
import { ItemSourceResponse } from './source.dto.js';

/** A piece of text with the words that matched the search marked. */
export class TextSegment {
  @ApiProperty() text!: string;
  @ApiProperty() match!: boolean;
}

export class CaseLink {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SIT-2026-0001' }) reference!: string;
}

/** An item in the list or search results. */
export class ItemSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'KEN' }) country!: string;
  @ApiProperty({ example: 'Kenya' }) countryName!: string;
  @ApiProperty({ type: String, nullable: true }) placeName!: string | null;
  @ApiProperty({ format: 'date' }) eventDate!: string;
  @ApiProperty({ format: 'date' }) receivedDate!: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: string;
  @ApiProperty({ enum: CRIME_TYPES, isArray: true }) crimeTypes!: string[];
  @ApiProperty({ type: [String] }) indicatorIds!: string[];
  @ApiProperty({ type: ItemSourceResponse }) source!: ItemSourceResponse;
  @ApiProperty({ minimum: 1, maximum: 6 }) credibility!: number;
  @ApiProperty({ example: 'B2' }) grade!: string;
  @ApiProperty({ example: 'usually reliable source; information probably true' })
  gradeMeaning!: string;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification!: string;
  @ApiProperty({ type: String, enum: EVENT_TYPES, nullable: true }) eventType!: string | null;
  @ApiProperty({ type: [CaseLink], description: 'Linked cases you may read' }) cases!: CaseLink[];
  @ApiProperty({ type: [TextSegment], description: 'The title, matched words marked' })
  titleHighlight!: TextSegment[];
  @ApiProperty({ type: [TextSegment], description: 'Passages of the description around matches' })
  snippet!: TextSegment[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ItemPageResponse {
  @ApiProperty({ type: [ItemSummaryResponse] }) items!: ItemSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ItemCountResponse {
  @ApiProperty({ description: 'Matching items you may read, counted up to 1,000' })
  total!: number;
  @ApiProperty({ description: 'True when there are more than `total`' }) capped!: boolean;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ example: '9f86d081884c7d65…' }) sha256!: string;
  @ApiProperty({ type: PersonSummary }) uploadedBy!: PersonSummary;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RabatPartResponse {
  @ApiProperty({ enum: RABAT_PARTS }) part!: string;
  @ApiProperty() label!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() note!: string;
}

export class SpeechAssessmentResponse {
  @ApiProperty() speaker!: string;
  @ApiProperty() speakerStatus!: string;
  @ApiProperty() audience!: string;
  @ApiProperty() targetGroup!: string;
  @ApiProperty() medium!: string;
  @ApiProperty() reach!: string;
  @ApiProperty({ enum: SPEECH_HALLMARKS, isArray: true }) hallmarks!: string[];
  @ApiProperty({ type: [RabatPartResponse] }) parts!: RabatPartResponse[];
  @ApiProperty({ enum: RABAT_LEVELS }) level!: string;
  @ApiProperty({ example: 'May warrant civil or administrative action' }) levelLabel!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: PersonSummary }) assessedBy!: PersonSummary;
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;
}

/** One information item in full. */
export class ItemResponse extends ItemSummaryResponse {
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) adminArea!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ type: [String] }) affectedGroups!: string[];
  @ApiProperty({ enum: CONSENTS }) consent!: string;
  @ApiProperty({ type: String, enum: EVENT_SUBTYPES, nullable: true }) eventSubtype!: string | null;
  @ApiProperty({ enum: ACTOR_TYPES, isArray: true }) actorTypes!: string[];
  @ApiProperty({ type: Number, enum: PRECISIONS, nullable: true }) timePrecision!: number | null;
  @ApiProperty({ type: Number, enum: PRECISIONS, nullable: true }) geoPrecision!: number | null;
  @ApiProperty({ type: [AttachmentResponse] }) attachments!: AttachmentResponse[];
  @ApiProperty({ type: SpeechAssessmentResponse, nullable: true })
  speechAssessment!: SpeechAssessmentResponse | null;
  @ApiProperty({ type: PersonSummary }) createdBy!: PersonSummary;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'You may edit this item' }) canEdit!: boolean;
}
