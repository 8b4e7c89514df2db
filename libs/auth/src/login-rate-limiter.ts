import { AppConfig, REDIS } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { authErrors } from './auth.errors';

/**
 * Counts sign-in attempts per account and per client address in Redis (shared by every api
 * instance). An attempt is counted before the password is checked, so a burst cannot slip
 * through; a successful sign-in clears the account's counter.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private keys(email: string, address: string) {
    const prefix = this.config.get('REDIS_PREFIX');
    return { account: `${prefix}:login:account:${email}`, address: `${prefix}:login:address:${address}` };
  }

  async consume(email: string, address: string): Promise<void> {
    const window = this.config.get('LOGIN_WINDOW_SECONDS');
    const { account, address: byAddress } = this.keys(email, address);
    const results = await this.redis
      .multi()
      .incr(account)
      .expire(account, window, 'NX')
      .incr(byAddress)
      .expire(byAddress, window, 'NX')
      .ttl(account)
      .exec();
    const accountCount = results?.[0][1] as number;
    const addressCount = results?.[2][1] as number;
    if (accountCount > this.config.get('LOGIN_MAX_ATTEMPTS') || addressCount > this.config.get('LOGIN_MAX_ATTEMPTS_PER_ADDRESS')) {
      throw authErrors.tooManyAttempts(Math.max(1, (results?.[4][1] as number) ?? window));
    }
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.redis.del(this.keys(email, address).account);
  }
}
