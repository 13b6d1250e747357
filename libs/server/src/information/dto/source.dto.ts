import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { RELIABILITY, SOURCE_KINDS, type Reliability, type SourceKind } from '@vigil/domain';
import { PageQueryDto } from '../../common/pagination.js';
import { UNREADABLE_SOURCE_NAME } from '../../sources/source-cipher.js';
import { VersionedDto } from '../../common/versioned.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const reliabilityMessage = {
  message:
    'reliability must be a letter A to F (A completely reliable … E unreliable, F cannot be judged)',
};

/** A new source: who or what information comes from, kept apart from the items. */
export class CreateSourceDto {
  @ApiProperty({ example: 'OHCHR field office, Goma' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind!: SourceKind;

  @ApiProperty({ enum: RELIABILITY })
  @IsIn(RELIABILITY, reliabilityMessage)
  reliability!: Reliability;

  @ApiPropertyOptional({
    description: 'How to reach the source; never shown to those without need',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  contactNotes?: string;
}

/** Changes to a source; `version` must be the version last read. */
export class UpdateSourceDto extends IntersectionType(VersionedDto, PartialType(CreateSourceDto)) {}

/** The sources whose identity you may read, newest first. */
export class ListSourcesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Words of the name: each word typed must be a word of the name or the start of one (at ' +
      'least 3 letters; accents and case ignored). Names are encrypted at rest and matched through ' +
      'a keyed blind index, so a part from the middle of a word does not match.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** A source whose identity you may read. */
export class SourceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: `The name; "${UNREADABLE_SOURCE_NAME}" when unreadable` })
  name!: string;
  @ApiProperty({
    description:
      'True when the stored identity cannot be decrypted (a corrupted value, or a key that does ' +
      'not authenticate it): name says so and contactNotes is empty',
  })
  unreadable!: boolean;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty({ enum: RELIABILITY }) reliability!: Reliability;
  @ApiProperty({ example: 'usually reliable source' }) reliabilityMeaning!: string;
  @ApiProperty() contactNotes!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SourcePageResponse {
  @ApiProperty({ type: [SourceResponse] }) items!: SourceResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/**
 * A source as shown beside an item. Without need to know it is "protected source" with its grade
 * only: no id, name, kind or contact notes (an id would let items be correlated by source).
 */
export class ItemSourceResponse {
  @ApiProperty({ description: 'False: you may see who the source is' }) protected!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ example: 'Protected source' }) name!: string;
  @ApiProperty({
    description: 'True when you may know the source but its name cannot be decrypted',
  })
  unreadable!: boolean;
  @ApiProperty({ type: String, enum: SOURCE_KINDS, nullable: true }) kind!: SourceKind | null;
  @ApiProperty({ enum: RELIABILITY }) reliability!: Reliability;
}
