import type { Actor } from '@autonomos/platform';
import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../views';

export interface MeView {
  tenant: { id: string; name: string };
  actor: Actor;
  user: UserView | null;
}

/** The signed-in principal: its tenant, and the user behind it (null for an API key). */
export class GetMeQuery extends Query<MeView> {}
