import {
  SESSION_COOKIE,
  type TAuthResponse,
  type TJoinRequest,
  type TLoginRequest,
  type TUser,
  ZAuthResponse,
  ZJoinRequest,
  ZLoginRequest,
  ZUser,
} from '@dlclass/contracts';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Auth } from '../../common/auth/auth.decorator';
import { Public } from '../../common/auth/auth.guard';
import type { AuthContext } from '../../common/auth/auth.types';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../../common/openapi';
import { RateLimit } from '../../common/rate-limit';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { API_CONFIG, type ApiConfig } from '../../config/config';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly service: AuthService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({ summary: 'Connexion enseignant ou admin (e-mail + mot de passe)' })
  @ApiZodBody(ZLoginRequest)
  @ApiZodResponse(200, ZAuthResponse, 'Session ouverte ; le cookie httpOnly est aussi posé')
  @ApiErrors(400, 401, 429)
  async login(
    @Body(new ZodValidationPipe(ZLoginRequest)) body: TLoginRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TAuthResponse> {
    return this.withCookie(res, await this.service.login(body));
  }

  @Public()
  @Post('auth/join')
  @HttpCode(200)
  @RateLimit('join')
  @ApiOperation({
    summary: 'Un élève rejoint sa classe (code + nom + PIN) ; les mêmes trois le reconnectent',
  })
  @ApiZodBody(ZJoinRequest)
  @ApiZodResponse(200, ZAuthResponse, 'Session ouverte ; le cookie httpOnly est aussi posé')
  @ApiErrors(400, 401, 404, 429)
  async join(
    @Body(new ZodValidationPipe(ZJoinRequest)) body: TJoinRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TAuthResponse> {
    return this.withCookie(res, await this.service.join(body));
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ferme la session et efface le cookie' })
  @ApiResponse({ status: 204, description: 'Session fermée' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.service.logout(req.auth);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: "L'utilisateur connecté" })
  @ApiZodResponse(200, ZUser, 'Utilisateur')
  @ApiErrors(401)
  me(@Auth() auth: AuthContext): TUser {
    return this.service.me(auth);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path: '/', secure: this.config.COOKIE_SECURE };
  }

  private withCookie(res: Response, session: TAuthResponse): TAuthResponse {
    res.cookie(SESSION_COOKIE, session.token, {
      ...this.cookieOptions(),
      maxAge: this.service.sessionMaxAgeMs,
    });
    return session;
  }
}
