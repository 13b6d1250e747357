import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  CreateOrganisationDto,
  OrganisationPageResponse,
  OrganisationResponse,
  UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Route('GET', undefined, {
    access: ['read', 'Organisation'],
    summary: 'Organisations, by name',
    answers: OrganisationPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: PageQueryDto,
  ): Promise<OrganisationPageResponse> {
    return this.organisations.list(ctx, query);
  }

  @Route('POST', undefined, {
    access: ['create', 'Organisation'],
    summary: 'Create an organisation (admin)',
    answers: OrganisationResponse,
  })
  create(
    @Ctx() ctx: RequestContext,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.create(ctx, dto);
  }

  @Route('PATCH', ':id', {
    access: ['update', 'Organisation'],
    summary: 'Change an organisation (admin)',
    answers: OrganisationResponse,
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.update(ctx, id, dto);
  }
}
