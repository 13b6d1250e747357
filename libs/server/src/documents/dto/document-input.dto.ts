import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind } from '@vigil/domain';

const NOT_BLANK = /\S/;

/** A new document on a case. */
export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind!: DocumentKind;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Advice on the situation in the north' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;
}

/** Fields every review step accepts. */
class StepDto {
  /** The document version you read; a newer one answers 409 with currentVersion. */
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** Submitting for review or approving: an optional note for the timeline. */
export class DocumentStepDto extends StepDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Returning a document to drafting: say why. */
export class ReturnDocumentDto extends StepDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why it goes back to drafting' })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'note must not be blank' })
  note!: string;
}

/** Transmitting an approved document. */
export class TransmitDocumentDto extends StepDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Secretary-General' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'recipient must not be blank' })
  recipient!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Two versions to compare. */
export class DiffQueryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}
