import { Baseline1795681635803 } from './1795681635803-baseline';
import { TenantIsolation1795681635804 } from './1795681635804-tenant-isolation';
import { Aam1795700000000 } from './1795700000000-aam';
import { LlmAndMemory1795710000000 } from './1795710000000-llm-and-memory';
import { AamEventsStorage1795725000000 } from './1795725000000-aam-events-storage';
import { Dcl1795730000000 } from './1795730000000-dcl';
import { MappingsHitl1795740000000 } from './1795740000000-mappings-hitl';
import { Aoa1795745000000 } from './1795745000000-aoa';
import { AamEventRecords1795750000000 } from './1795750000000-aam-event-records';
import { TaskTransitions1795751000000 } from './1795751000000-task-transitions';
import { DclEntityRowsConnectionCheck1795752000000 } from './1795752000000-dcl-entity-rows-connection-check';

// Every migration, in order. A unit test checks that each file in this folder is listed.
export const MIGRATIONS: Function[] = [Baseline1795681635803, TenantIsolation1795681635804, Aam1795700000000, LlmAndMemory1795710000000, AamEventsStorage1795725000000, Dcl1795730000000, MappingsHitl1795740000000, Aoa1795745000000, AamEventRecords1795750000000, TaskTransitions1795751000000, DclEntityRowsConnectionCheck1795752000000];
