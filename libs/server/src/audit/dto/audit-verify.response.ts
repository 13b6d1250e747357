import { ApiProperty } from '@nestjs/swagger';

/** Result of walking the chain. */
export class AuditVerifyResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Entries verified before the first broken one (or all)' })
  checked!: number;
  @ApiProperty({ type: Number, nullable: true }) firstBrokenSeq!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
