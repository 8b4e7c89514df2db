import { AppConfig } from '@autonomos/platform';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Authenticator } from './authenticator';
import { CreateApiKeyHandler } from './commands/create-api-key/create-api-key.handler';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { DeleteUserHandler } from './commands/delete-user/delete-user.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { UpdateUserHandler } from './commands/update-user/update-user.handler';
import { ApiKeyEntity } from './entities/api-key.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListApiKeysHandler } from './queries/list-api-keys/list-api-keys.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { SessionIssuer } from './session-issuer';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, ApiKeyEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise tries createPublicKey on every verify
        // (a thrown error per request, a sixth of the api's CPU under load).
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'))) as unknown as Buffer,
        signOptions: { algorithm: 'HS256', issuer: config.get('JWT_ISSUER'), audience: config.get('JWT_AUDIENCE'), expiresIn: config.get('ACCESS_TOKEN_TTL') },
        // Pinned: a token claiming "none" or RS256 is refused whatever it says.
        verifyOptions: { algorithms: ['HS256'], issuer: config.get('JWT_ISSUER'), audience: config.get('JWT_AUDIENCE') },
      }),
    }),
  ],
  providers: [
    Authenticator,
    SessionIssuer,
    LoginRateLimiter,
    RegisterHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    CreateUserHandler,
    UpdateUserHandler,
    DeleteUserHandler,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    GetMeHandler,
    ListUsersHandler,
    ListApiKeysHandler,
  ],
  exports: [Authenticator],
})
export class AuthModule {}
