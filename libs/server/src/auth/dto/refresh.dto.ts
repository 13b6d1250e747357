import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A refresh token, to rotate or to revoke. */
export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last sign-in or refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}
