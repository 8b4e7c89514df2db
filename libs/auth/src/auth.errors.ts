import { DomainError } from '@autonomos/platform';

export enum AuthErrorCode {
  InvalidCredentials = 'invalid_credentials',
  InvalidToken = 'invalid_token',
  RefreshTokenReused = 'refresh_token_reused',
  EmailTaken = 'email_taken',
  TooManyAttempts = 'too_many_attempts',
  SelfLockout = 'self_lockout',
  UserNotFound = 'user_not_found',
  ApiKeyNotFound = 'api_key_not_found',
}

export const authErrors = {
  invalidCredentials: () => new DomainError(AuthErrorCode.InvalidCredentials, 'unauthenticated', 'Email or password is wrong'),
  invalidToken: (why = 'The token is missing, malformed, expired or revoked') =>
    new DomainError(AuthErrorCode.InvalidToken, 'unauthenticated', why),
  refreshTokenReused: () =>
    new DomainError(AuthErrorCode.RefreshTokenReused, 'unauthenticated', 'This refresh token was already used; its session has been revoked. Sign in again.'),
  emailTaken: () =>
    new DomainError(AuthErrorCode.EmailTaken, 'conflict', 'A user with this email already exists', [{ field: 'email', message: 'already registered' }]),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(AuthErrorCode.TooManyAttempts, 'rate_limited', `Too many sign-in attempts; try again in ${retryAfterSeconds} s`, [], {
      'retry-after': String(retryAfterSeconds),
    }),
  selfLockout: () =>
    new DomainError(AuthErrorCode.SelfLockout, 'conflict', 'You cannot disable, demote or delete your own account'),
  userNotFound: (id: string) => new DomainError(AuthErrorCode.UserNotFound, 'not_found', `User ${id} does not exist`),
  apiKeyNotFound: (id: string) => new DomainError(AuthErrorCode.ApiKeyNotFound, 'not_found', `API key ${id} does not exist`),
};
