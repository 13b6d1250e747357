import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length } from 'class-validator';

/** Share a case with the Framework Team as a priority situation, or stop sharing it. */
export class SetPrioritySituationDto {
  @ApiProperty({ description: 'true: shared with the Framework Team; false: no longer shared' })
  @IsBoolean({ message: 'shared must be true or false' })
  shared!: boolean;
}

/** A Framework Team member's endorsement of a priority situation. */
export class EndorsementDto {
  /** Why they endorse it, in their own words. */
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note!: string;
}
