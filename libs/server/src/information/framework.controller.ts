import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { FACTOR_SCOPES, VERIFICATIONS } from '@vigil/domain';
import { Authenticated } from '../authorization/policy.decorator.js';
import { FrameworkService } from './framework.service.js';

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
  constructor(private readonly catalogue: FrameworkService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The 14 risk factors and their indicators' })
  @ApiOkResponse({ type: FrameworkResponse })
  framework(): Promise<FrameworkResponse> {
    return this.catalogue.framework();
  }
}
