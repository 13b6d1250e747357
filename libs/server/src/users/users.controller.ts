import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQueryDto } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { UserChangeResponse } from './dto/account-change.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePolicy('read', 'User')
  @ApiOperation({ summary: 'Users the caller may read (administrators: everyone)' })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQueryDto): Promise<UserPageResponse> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @RequirePolicy('read', 'User')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<UserResponse> {
    return this.users.get(ctx, id);
  }

  @Post()
  @RequirePolicy('create', 'User')
  @ApiOperation({
    summary:
      'Create a user (admin); the adviser or admin role and a clearance above unclassified wait for another administrator',
  })
  @ApiCreatedResponse({ type: UserChangeResponse })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto): Promise<UserChangeResponse> {
    return this.users.create(ctx, dto);
  }

  @Patch(':id')
  @HttpCode(200)
  @RequirePolicy('update', 'User')
  @ApiOperation({
    summary:
      'Change roles, clearance, organisation, active or password, or lift a sign-in lock (admin; never your own roles, clearance or organisation; a grant of adviser, admin or a higher clearance waits for another administrator)',
  })
  @ApiOkResponse({ type: UserChangeResponse })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserChangeResponse> {
    return this.users.update(ctx, id, dto);
  }
}
