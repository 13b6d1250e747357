import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CaseMembersService } from './case-members.service.js';
import { CasesService } from './cases.service.js';
import { allCountries } from './countries.js';
import {
  AddCaseMemberDto,
  CreateCaseDto,
  MemberCandidatesQueryDto,
  UpdateCaseDto,
} from './dto/case-input.dto.js';
import {
  CaseMemberResponse,
  CasePageResponse,
  CaseResponse,
  CaseStatsResponse,
  CountryResponse,
  MemberCandidateResponse,
} from './dto/case.response.js';
import { CaseFiltersDto, ListCasesQueryDto } from './dto/list-cases.query.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly caseMembers: CaseMembersService,
  ) {}

  @Get('countries')
  @Authenticated()
  @ApiOperation({ summary: 'ISO 3166-1 alpha-3 countries with English names' })
  @ApiOkResponse({ type: [CountryResponse] })
  countries(): CountryResponse[] {
    return allCountries();
  }

  @Get('cases')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Country situations you may read, filtered and sorted' })
  @ApiOkResponse({ type: CasePageResponse })
  list(@Ctx() ctx: RequestContext, @Query() query: ListCasesQueryDto): Promise<CasePageResponse> {
    return this.cases.list(ctx, query);
  }

  @Get('cases/stats')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Counts per stage and per country under the same filters' })
  @ApiOkResponse({ type: CaseStatsResponse })
  stats(@Ctx() ctx: RequestContext, @Query() query: CaseFiltersDto): Promise<CaseStatsResponse> {
    return this.cases.stats(ctx, query);
  }

  @Post('cases')
  @RequirePolicy('create', 'Case')
  @ApiOperation({
    summary:
      'Open a country situation (reference SIT-YYYY-NNNN allocated, more digits past 9999); per-person budgets apply (429)',
  })
  @ApiCreatedResponse({ type: CaseResponse })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateCaseDto): Promise<CaseResponse> {
    return this.cases.create(ctx, dto);
  }

  @Get('cases/:id')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One case' })
  @ApiOkResponse({ type: CaseResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<CaseResponse> {
    return this.cases.get(ctx, id);
  }

  @Patch('cases/:id')
  @HttpCode(200)
  // Each field is checked by its own right in the service: title and summary `update`, the lead
  // `manageMembers`, the classification `reclassify`.
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary: 'Edit a case; send the version you read (409 with currentVersion if stale)',
    description:
      'Title and summary need the right to edit the case; the lead analyst needs the right to ' +
      'manage its members; the classification needs an adviser cleared for the old and the new level.',
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseResponse> {
    return this.cases.update(ctx, id, dto);
  }

  @Get('cases/:id/members')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Members of a case' })
  @ApiOkResponse({ type: [CaseMemberResponse] })
  members(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<CaseMemberResponse[]> {
    return this.caseMembers.members(ctx, id);
  }

  @Get('cases/:id/member-candidates')
  @RequirePolicy('manageMembers', 'Case')
  @ApiOperation({
    summary:
      'Up to 20 people who could be added: active analysts and advisers cleared for the case, not yet members nor its lead',
  })
  @ApiOkResponse({ type: [MemberCandidateResponse] })
  memberCandidates(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: MemberCandidatesQueryDto,
  ): Promise<MemberCandidateResponse[]> {
    return this.caseMembers.candidates(ctx, id, query.q);
  }

  @Post('cases/:id/members')
  @RequirePolicy('manageMembers', 'Case')
  @ApiOperation({ summary: 'Give a user a role on the case (lead analyst or adviser)' })
  @ApiCreatedResponse({ type: [CaseMemberResponse] })
  addMember(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: AddCaseMemberDto,
  ): Promise<CaseMemberResponse[]> {
    return this.caseMembers.addMember(ctx, id, dto);
  }

  @Delete('cases/:id/members/:userId')
  @HttpCode(204)
  @RequirePolicy('manageMembers', 'Case')
  @ApiOperation({ summary: 'Remove a member' })
  @ApiNoContentResponse()
  removeMember(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.caseMembers.removeMember(ctx, id, userId);
  }
}
