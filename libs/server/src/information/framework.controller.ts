import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FACTOR_SCOPES, VERIFICATIONS } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { Authenticated } from '../authorization/policy.decorator.js';

export class IndicatorResponse {
  @ApiProperty({ example: '7.14' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({
    enum: VERIFICATIONS,
    description: 'unverified: re-key against the published text',
  })
  verification!: string;
}

export class RiskFactorResponse {
  @ApiProperty({ minimum: 1, maximum: 14 }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
  @ApiProperty({ enum: FACTOR_SCOPES }) scope!: string;
  @ApiProperty({ description: 'The published framework may list more indicators' })
  furtherIndicatorsUnverified!: boolean;
  @ApiProperty({ type: [IndicatorResponse] }) indicators!: IndicatorResponse[];
}

export class FrameworkResponse {
  @ApiProperty({ type: [RiskFactorResponse] }) factors!: RiskFactorResponse[];
}

/** The Framework of Analysis catalogue, read from its tables (the Office re-keys it there). */
@ApiTags('information')
@ApiBearerAuth()
@Controller('framework')
export class FrameworkController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The 14 risk factors and their indicators' })
  @ApiOkResponse({ type: FrameworkResponse })
  async framework(): Promise<FrameworkResponse> {
    const factors = (await this.db.query(
      `SELECT f.number, f.name, f.short_name AS "shortName", f.scope,
         f.further_indicators_unverified AS "furtherIndicatorsUnverified",
         COALESCE((SELECT json_agg(json_build_object('id', i.id, 'label', i.label, 'verification', i.verification)
           ORDER BY i.position, i.id) FROM indicators i WHERE i.factor = f.number), '[]'::json) AS indicators
       FROM risk_factors f ORDER BY f.number`,
    )) as RiskFactorResponse[];
    return { factors };
  }
}
