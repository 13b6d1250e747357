import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '@vigil/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KIND_MESSAGE = `kind must be one of ${ORGANISATION_KINDS.join(', ')}`;

/** A new organisation. */
export class CreateOrganisationDto {
  @ApiProperty({ example: 'Office of the High Commissioner for Human Rights' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'OHCHR' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  acronym!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: KIND_MESSAGE })
  kind!: OrganisationKind;
}

/** Changes to an organisation: any of its fields. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

/** An organisation as presented. */
export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() acronym!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A page of organisations. */
export class OrganisationPageResponse {
  @ApiProperty({ type: [OrganisationResponse] }) items!: OrganisationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
