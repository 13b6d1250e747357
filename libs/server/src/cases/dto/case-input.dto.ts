import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { CLASSIFICATIONS, type Classification } from '@vigil/domain';
import { VersionedDto } from '../../common/versioned.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** A new country situation. */
export class CreateCaseDto {
  @ApiProperty({ example: 'Rising intercommunal violence in the north' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'KEN', description: 'ISO 3166-1 alpha-3 country code' })
  @Transform(upper)
  @IsString()
  @Length(3, 3, { message: 'country must be an ISO 3166-1 alpha-3 code such as KEN' })
  country!: string;

  @ApiProperty({ example: 'Reports of targeted attacks on...' })
  @IsString()
  @MaxLength(20000)
  summary!: string;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS, default: 'confidential' })
  @IsOptional()
  @IsIn(CLASSIFICATIONS, { message: `classification must be one of ${CLASSIFICATIONS.join(', ')}` })
  classification?: Classification;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Defaults to the author when they are an analyst',
  })
  @IsOptional()
  @IsUUID('all')
  leadAnalystId?: string;
}

/** Validated when sent: `null` is not "leave as it is" (it would be recorded as a change). */
const given = (_: object, value: unknown) => value !== undefined;

/** Changes to a case; `version` must be the version last read. */
export class UpdateCaseDto extends IntersectionType(
  VersionedDto,
  PartialType(PickType(CreateCaseDto, ['title', 'summary'] as const), {
    skipNullProperties: false,
  }),
) {
  // Optional when opening a case (null means the default there), so declared again: here null
  // must be refused, not cleared.
  @ApiPropertyOptional({ enum: CLASSIFICATIONS })
  @ValidateIf(given)
  @IsIn(CLASSIFICATIONS, { message: `classification must be one of ${CLASSIFICATIONS.join(', ')}` })
  classification?: Classification;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(given)
  @IsUUID('all')
  leadAnalystId?: string;
}

/** A user given a role on a case. */
export class AddCaseMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  userId!: string;

  @ApiProperty({ enum: ['analyst', 'adviser', 'contributor'] })
  @IsIn(['analyst', 'adviser', 'contributor'], {
    message: 'role must be analyst, adviser or contributor',
  })
  role!: 'analyst' | 'adviser' | 'contributor';
}

/** Search among the people who could be added to a case. */
export class MemberCandidatesQueryDto {
  /** Matches display name or e-mail, case-insensitively. */
  @ApiPropertyOptional({ description: 'Matches display name or e-mail, case-insensitively' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
