import { ConfigError, loadConfig } from './app-config';

const required = { JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('loadConfig', () => {
  it('applies defaults and parses types', () => {
    const config = loadConfig({ ...required, PORT: '8080', DEV_MODE: 'yes', ACCESS_TOKEN_TTL: '5m' });
    expect(config.PORT).toBe(8080);
    expect(config.DEV_MODE).toBe(true);
    expect(config.ACCESS_TOKEN_TTL).toBe(300);
    expect(config.ENCRYPTION_KEY).toHaveLength(32);
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig({ ENCRYPTION_KEY: required.ENCRYPTION_KEY })).toThrow(/^JWT_SECRET is required/);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must use postgres:/],
    ['ENCRYPTION_KEY', 'c2hvcnQ=', /ENCRYPTION_KEY must be 32 bytes/],
    ['DEV_MODE', 'maybe', /DEV_MODE must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('rejects a malformed %s', (name, value, message) => {
    expect(() => loadConfig({ ...required, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...required, [name]: value })).toThrow(message);
  });
});
