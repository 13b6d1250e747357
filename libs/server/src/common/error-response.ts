import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problem in a 400 answer. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** The one error shape every route answers with (docs/architecture.md §16). */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Validation failed' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse] })
  details?: FieldProblemResponse[] | Record<string, unknown>;
}
