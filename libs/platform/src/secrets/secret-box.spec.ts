import { AppConfig, loadConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const box = (env: Record<string, string>) =>
  new SecretBox(new AppConfig(loadConfig({ JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: key(1), ...env })));

describe('SecretBox', () => {
  it('seals with the current key id and opens again, never showing the plaintext', () => {
    const secrets = box({ ENCRYPTION_KEY_ID: 'k2' });
    const sealed = secrets.seal('{"password":"hunter2"}', 'tenant-a');
    expect(sealed).toMatch(/^v1:k2:/);
    expect(sealed).not.toContain('hunter2');
    expect(secrets.open(sealed, 'tenant-a')).toBe('{"password":"hunter2"}');
    expect(secrets.seal('same', 'tenant-a')).not.toBe(secrets.seal('same', 'tenant-a'));
  });

  it('opens secrets sealed with a retired key after rotation, and says they need resealing', () => {
    const sealed = box({ ENCRYPTION_KEY_ID: 'k1' }).seal('old', 't');
    const rotated = box({ ENCRYPTION_KEY: key(2), ENCRYPTION_KEY_ID: 'k2', ENCRYPTION_PREVIOUS_KEYS: `k1=${key(1)}` });
    expect(rotated.open(sealed, 't')).toBe('old');
    expect(rotated.needsRotation(sealed)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('new', 't'))).toBe(false);
  });

  it('refuses a secret moved to another context, tampered with, or sealed with an unknown key', () => {
    const secrets = box({});
    const sealed = secrets.seal('s', 'tenant-a');
    expect(() => secrets.open(sealed, 'tenant-b')).toThrow(expect.objectContaining({ code: 'secret_unreadable' }));
    const parts = sealed.split(':');
    parts[4] = Buffer.from('x').toString('base64');
    expect(() => secrets.open(parts.join(':'), 'tenant-a')).toThrow(expect.objectContaining({ code: 'secret_unreadable' }));
    expect(() => box({ ENCRYPTION_KEY_ID: 'k9' }).open(sealed, 'tenant-a')).toThrow(expect.objectContaining({ code: 'secret_key_unavailable' }));
  });
});
