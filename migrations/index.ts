import { Baseline1795681635803 } from './1795681635803-baseline';
import { TenantIsolation1795681635804 } from './1795681635804-tenant-isolation';
import { Aam1795700000000 } from './1795700000000-aam';
import { LlmAndMemory1795710000000 } from './1795710000000-llm-and-memory';

// Every migration, in order. A unit test checks that each file in this folder is listed.
export const MIGRATIONS: Function[] = [Baseline1795681635803, TenantIsolation1795681635804, Aam1795700000000, LlmAndMemory1795710000000];
