import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, Public } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AuthService } from './auth.service.js';
import { PreferencesService } from './preferences.service.js';
import { LoginDto } from './dto/login.dto.js';
import { PreferencesResponse, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { MeResponse, SessionResponse } from './dto/session.response.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly preferences: PreferencesService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'Wrong credentials, locked or deactivated',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto): Promise<SessionResponse> {
    return this.auth.login(ctx, dto);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Exchange a refresh token for a new session (the old token dies)' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  refresh(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto): Promise<SessionResponse> {
    return this.auth.refresh(ctx, dto.refreshToken);
  }

  /** Public: the refresh token itself proves the session, even once the access token expired. */
  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Sign out: revoke this session' })
  @ApiNoContentResponse()
  logout(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(ctx, dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and their packed ability rules' })
  @ApiOkResponse({ type: MeResponse })
  me(@Ctx() ctx: RequestContext): Promise<MeResponse> {
    return this.auth.me(ctx);
  }

  @Patch('me/preferences')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own preferences (e-mail for notifications)' })
  @ApiOkResponse({ type: PreferencesResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  updatePreferences(
    @Ctx() ctx: RequestContext,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesResponse> {
    return this.preferences.update(ctx, dto);
  }
}
