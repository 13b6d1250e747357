import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  CreateOrganisationDto,
  OrganisationPageResponse,
  OrganisationResponse,
  UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePolicy('read', 'Organisation')
  @ApiOperation({ summary: 'Organisations, by name' })
  @ApiOkResponse({ type: OrganisationPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: PageQueryDto,
  ): Promise<OrganisationPageResponse> {
    return this.organisations.list(ctx, query);
  }

  @Post()
  @RequirePolicy('create', 'Organisation')
  @ApiOperation({ summary: 'Create an organisation (admin)' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(
    @Ctx() ctx: RequestContext,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.create(ctx, dto);
  }

  @Patch(':id')
  @HttpCode(200)
  @RequirePolicy('update', 'Organisation')
  @ApiOperation({ summary: 'Change an organisation (admin)' })
  @ApiOkResponse({ type: OrganisationResponse })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.update(ctx, id, dto);
  }
}
