import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** Credentials for sign-in. */
export class LoginDto {
  @ApiProperty({ example: 'analyst@vigil.test' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'vigil-demo' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(1024)
  password!: string;
}
