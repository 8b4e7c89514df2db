import { Query } from '@nestjs/cqrs';

/** Which of these tenants run the DCL in `legacy` mode (their streams are left unread). */
export class LegacyTenantsQuery extends Query<Set<string>> {
  constructor(readonly tenantIds: string[]) {
    super();
  }
}
