import { Body, Controller, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../authorization/bearer-token.js';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AuthService, type StartedSession } from './auth.service.js';
import { PreferencesService } from './preferences.service.js';
import { LoginDto } from './dto/login.dto.js';
import { PreferencesResponse, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { MeResponse, SessionResponse } from './dto/session.response.js';
import {
  clearRefreshCookie,
  refreshTokenOf,
  refuseCrossSite,
  setRefreshCookie,
} from './session-cookie.js';
import { Route } from '../authorization/route.decorator.js';

/** The answer, with the refresh token handed over in its HttpOnly cookie only. */
function handOver(reply: FastifyReply, started: StartedSession): SessionResponse {
  setRefreshCookie(reply, started.refreshToken, started.sessionExpiresAt);
  return started.response;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly preferences: PreferencesService,
  ) {}

  @Route('POST', 'login', {
    access: 'public',
    summary: 'Sign in with e-mail and password',
    answers: SessionResponse,
    status: 200,
  })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'Wrong credentials, locked or deactivated',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  async login(
    @Ctx() ctx: RequestContext,
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    refuseCrossSite(request);
    return handOver(reply, await this.auth.login(ctx, dto));
  }

  @Route('POST', 'refresh', {
    access: 'public',
    summary: 'Renew the session with the refresh cookie (the cookie rotates; the old token dies)',
    answers: SessionResponse,
    status: 200,
  })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async refresh(
    @Ctx() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    refuseCrossSite(request);
    try {
      return handOver(reply, await this.auth.refresh(ctx, refreshTokenOf(request)));
    } catch (error) {
      clearRefreshCookie(reply);
      throw error;
    }
  }

  /**
   * Public: a genuine access token proves the session even after it expired. Ends the whole
   * session (refresh and access tokens, open sockets) and clears the cookie.
   */
  @Route('POST', 'logout', {
    access: 'public',
    summary: 'Sign out: end this session everywhere (bearer token)',
    status: 204,
  })
  async logout(
    @Ctx() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    clearRefreshCookie(reply);
    await this.auth.logout(ctx, bearerToken(request));
  }

  @Route('GET', 'me', {
    access: 'authenticated',
    summary: 'The signed-in user and their packed ability rules',
    answers: MeResponse,
  })
  @ApiBearerAuth()
  me(@Ctx() ctx: RequestContext): Promise<MeResponse> {
    return this.auth.me(ctx);
  }

  @Route('PATCH', 'me/preferences', {
    access: 'authenticated',
    summary: 'Change your own preferences (e-mail for notifications)',
    answers: PreferencesResponse,
  })
  @ApiBearerAuth()
  @ApiBadRequestResponse({ type: ErrorResponse })
  updatePreferences(
    @Ctx() ctx: RequestContext,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesResponse> {
    return this.preferences.update(ctx, dto);
  }
}
