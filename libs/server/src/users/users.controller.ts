import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQueryDto } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { UserChangeResponse } from './dto/account-change.response.js';
import { UsersService } from './users.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Route('GET', undefined, {
    access: ['read', 'User'],
    summary: 'Users the caller may read (administrators: everyone)',
    answers: UserPageResponse,
  })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQueryDto): Promise<UserPageResponse> {
    return this.users.list(ctx, query);
  }

  @Route('GET', ':id', { access: ['read', 'User'], summary: 'One user', answers: UserResponse })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<UserResponse> {
    return this.users.get(ctx, id);
  }

  @Route('POST', undefined, {
    access: ['create', 'User'],
    summary:
      'Create a user (admin); the adviser or admin role and a clearance above unclassified wait for another administrator',
    answers: UserChangeResponse,
  })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserChangeResponse> {
    return this.users.create(ctx, dto);
  }

  @Route('PATCH', ':id', {
    access: ['update', 'User'],
    summary:
      'Change roles, clearance, organisation, active or password, or lift a sign-in lock (admin; never your own roles, clearance or organisation; a grant of adviser, admin or a higher clearance waits for another administrator)',
    answers: UserChangeResponse,
  })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserChangeResponse> {
    return this.users.update(ctx, id, dto);
  }
}
