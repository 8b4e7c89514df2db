import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encrypts secrets at rest (connector credentials, webhook URLs) with AES-256-GCM. The sealed
 * text names the key it was sealed with — `v1:<key id>:<iv>:<tag>:<ciphertext>` — so the key can
 * rotate: new secrets use ENCRYPTION_KEY, old ones still open with ENCRYPTION_PREVIOUS_KEYS.
 * The tenant id is bound as associated data, so a secret copied to another tenant's row fails.
 */
@Injectable()
export class SecretBox {
  private readonly keyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(config: AppConfig) {
    this.keyId = config.get('ENCRYPTION_KEY_ID');
    this.keys = new Map([...config.get('ENCRYPTION_PREVIOUS_KEYS'), [this.keyId, config.get('ENCRYPTION_KEY')]]);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split(':');
    const key = this.keys.get(keyId);
    if (version !== VERSION || !key) {
      throw new DomainError('secret_key_unavailable', 'unavailable', `A stored secret was sealed with key "${keyId}", which is not configured`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError('secret_unreadable', 'unavailable', 'A stored secret could not be decrypted (wrong key or tampered data)');
    }
  }

  /** True when the secret was sealed with an older key and should be sealed again. */
  needsRotation(sealed: string): boolean {
    return sealed.split(':')[1] !== this.keyId;
  }
}
