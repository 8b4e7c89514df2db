import { Baseline1795681635803 } from './1795681635803-baseline';
import { TenantIsolation1795681635804 } from './1795681635804-tenant-isolation';

// Every migration, in order. A unit test checks that each file in this folder is listed.
export const MIGRATIONS: Function[] = [Baseline1795681635803, TenantIsolation1795681635804];
