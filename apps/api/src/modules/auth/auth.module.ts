import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../../common/auth/auth.guard';
import { SessionAuthenticator } from '../../common/auth/auth.types';
import { RealtimeModule } from '../realtime/realtime.module';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginAttempts } from './login-attempts';

@Global()
@Module({
  imports: [RealtimeModule],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    LoginAttempts,
    { provide: SessionAuthenticator, useExisting: AuthService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionAuthenticator],
})
export class AuthModule {}
