import { Query } from '@nestjs/cqrs';

/**
 * Which of these tenant ids exist in this deployment's database. Redis may be shared (by test
 * runs, by deployments with other prefixes): streams of tenants unknown here are not ours.
 */
export class KnownTenantsQuery extends Query<Set<string>> {
  constructor(readonly tenantIds: string[]) {
    super();
  }
}
