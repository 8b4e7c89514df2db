import type { Role } from '@autonomos/platform';
import type { ApiKeyEntity } from './entities/api-key.entity';
import type { UserEntity } from './entities/user.entity';

/** What the API shows of a user: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export const toUserView = (user: UserEntity): UserView => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  disabled: user.disabledAt !== null,
  createdAt: user.createdAt.toISOString(),
});

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export const toApiKeyView = (key: ApiKeyEntity): ApiKeyView => ({
  id: key.id,
  name: key.name,
  role: key.role,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revoked: key.revokedAt !== null,
});
