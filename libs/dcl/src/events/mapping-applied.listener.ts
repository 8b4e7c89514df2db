import { IntegrationEvent, RequestContext, systemActor } from '@autonomos/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, EventBus } from '@nestjs/cqrs';
import { filter, Subscription } from 'rxjs';
import { ReplayPendingCommand } from '../commands/replay-pending/replay-pending.command';
import { MAPPING_APPLIED, MappingApplied, registerMappingAppliedIfMissing } from './mapping-applied.event';

/**
 * Replays a stream's waiting records when its mapping is applied. Matches the event by its
 * wire type, whichever class the producer revives it as; the relay delivers at least once and
 * the replay is idempotent.
 */
@Injectable()
export class MappingAppliedListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MappingAppliedListener.name);
  private subscription?: Subscription;

  constructor(
    private readonly events: EventBus,
    private readonly commands: CommandBus,
    private readonly context: RequestContext,
  ) {}

  onApplicationBootstrap(): void {
    registerMappingAppliedIfMissing();
    this.subscription = this.events
      .pipe(filter((event): event is MappingApplied => (event as IntegrationEvent).type === MAPPING_APPLIED))
      .subscribe((event) => void this.replay(event));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private async replay({ tenantId, connectionId, stream }: MappingApplied): Promise<void> {
    try {
      const counts = await this.context.run(tenantId, systemActor('dcl'), () => this.commands.execute(new ReplayPendingCommand(connectionId, stream)));
      this.logger.log(`replayed ${stream}: ${counts.mapped} mapped, ${counts.pending} still waiting`);
    } catch (error) {
      this.logger.error(`replay of ${stream} after mapping.applied failed: ${(error as Error).message}`);
    }
  }
}
