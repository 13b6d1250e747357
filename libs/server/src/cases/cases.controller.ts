import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
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
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly caseMembers: CaseMembersService,
  ) {}

  @Route('GET', 'countries', {
    access: 'authenticated',
    summary: 'ISO 3166-1 alpha-3 countries with English names',
    answers: [CountryResponse],
  })
  countries(): CountryResponse[] {
    return allCountries();
  }

  @Route('GET', 'cases', {
    access: ['read', 'Case'],
    summary: 'Country situations you may read, filtered and sorted',
    answers: CasePageResponse,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: ListCasesQueryDto): Promise<CasePageResponse> {
    return this.cases.list(ctx, query);
  }

  @Route('GET', 'cases/stats', {
    access: ['read', 'Case'],
    summary: 'Counts per stage and per country under the same filters',
    answers: CaseStatsResponse,
  })
  stats(@Ctx() ctx: RequestContext, @Query() query: CaseFiltersDto): Promise<CaseStatsResponse> {
    return this.cases.stats(ctx, query);
  }

  @Route('POST', 'cases', {
    access: ['create', 'Case'],
    summary:
      'Open a country situation (reference SIT-YYYY-NNNN allocated, more digits past 9999); per-person budgets apply (429)',
    answers: CaseResponse,
  })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateCaseDto): Promise<CaseResponse> {
    return this.cases.create(ctx, dto);
  }

  @Route('GET', 'cases/:id', {
    access: ['read', 'Case'],
    summary: 'One case',
    answers: CaseResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<CaseResponse> {
    return this.cases.get(ctx, id);
  }

  @Route('PATCH', 'cases/:id', {
    access: ['read', 'Case'],
    summary: 'Edit a case; send the version you read (409 with currentVersion if stale)',
    description:
      'Title and summary need the right to edit the case; the lead analyst needs the right to ' +
      'manage its members; the classification needs an adviser cleared for the old and the new level.',
    answers: CaseResponse,
  })
  // Each field is checked by its own right in the service: title and summary `update`, the lead
  // `manageMembers`, the classification `reclassify`.
  @ApiConflictResponse({ type: ErrorResponse })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseResponse> {
    return this.cases.update(ctx, id, dto);
  }

  @Route('GET', 'cases/:id/members', {
    access: ['read', 'Case'],
    summary: 'Members of a case',
    answers: [CaseMemberResponse],
  })
  members(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<CaseMemberResponse[]> {
    return this.caseMembers.members(ctx, id);
  }

  @Route('GET', 'cases/:id/member-candidates', {
    access: ['manageMembers', 'Case'],
    summary:
      'Up to 20 people who could be added: active analysts and advisers cleared for the case, not yet members nor its lead',
    answers: [MemberCandidateResponse],
  })
  memberCandidates(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: MemberCandidatesQueryDto,
  ): Promise<MemberCandidateResponse[]> {
    return this.caseMembers.candidates(ctx, id, query.q);
  }

  @Route('POST', 'cases/:id/members', {
    access: ['manageMembers', 'Case'],
    summary: 'Give a user a role on the case (lead analyst or adviser)',
    answers: [CaseMemberResponse],
  })
  addMember(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: AddCaseMemberDto,
  ): Promise<CaseMemberResponse[]> {
    return this.caseMembers.addMember(ctx, id, dto);
  }

  @Route('DELETE', 'cases/:id/members/:userId', {
    access: ['manageMembers', 'Case'],
    summary: 'Remove a member',
    status: 204,
  })
  removeMember(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @IdParam('userId') userId: string,
  ): Promise<void> {
    return this.caseMembers.removeMember(ctx, id, userId);
  }
}
