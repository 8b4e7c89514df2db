import { Command } from '@nestjs/cqrs';
import type { DemoScanResult } from '../../aoa.views';

/**
 * A full asset discovery: every page of AOD's estate, each asset scored and stored (once per
 * AOD asset id), and the high and medium ones queued for a reviewer as HITL items of kind
 * `asset`. Running it again on the same estate gives the same levels and queues nothing twice.
 */
export class DemoScanCommand extends Command<DemoScanResult> {}
