import { ReplayQuarantineCommand, SchemaDriftDetected } from '@autonomos/aam';
import { ReviewDecided, ReviewRequested } from '@autonomos/hitl';
import { NotifyCommand } from '@autonomos/notifications';
import { AppConfig, IntegrationEvent, RequestContext, systemActor, TenantDb } from '@autonomos/platform';
import { Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplyReviewDecisionCommand } from '../../mappings/commands/apply-review-decision/apply-review-decision.command';
import { ProposeMappingRepairCommand } from '../../mappings/commands/propose-mapping-repair/propose-mapping-repair.command';
import { ResolveRepairCommand } from '../../mappings/commands/resolve-repair/resolve-repair.command';
import { MappingApplied } from '../../mappings/events/mapping-applied.event';
import { RepairProposed } from '../../mappings/events/repair-proposed.event';
import { SagaInboxEntity } from '../saga-inbox.entity';
import { RunSagaStepCommand } from './run-saga-step.command';

@CommandHandler(RunSagaStepCommand)
export class RunSagaStepHandler implements ICommandHandler<RunSagaStepCommand> {
  private readonly logger = new Logger('MappingSaga');

  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  execute({ event }: RunSagaStepCommand): Promise<void> {
    return this.context.run(
      event.tenantId,
      systemActor('saga'),
      async () => {
        const seen = await this.db.transaction((manager) => manager.findOne(SagaInboxEntity, { where: { outboxId: event.outboxId! } }));
        if (seen && seen.status !== 'retry') return;
        try {
          await this.step(event);
          await this.record(event, 'done', seen?.attempts ?? 0, null);
        } catch (error) {
          const attempts = (seen?.attempts ?? 0) + 1;
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn(`${event.type} ${event.outboxId} failed (attempt ${attempts}): ${message}`);
          await this.record(event, attempts >= this.config.get('SAGA_MAX_ATTEMPTS') ? 'failed' : 'retry', attempts, message);
        }
      },
      `saga-${event.outboxId}`,
    );
  }

  private async step(event: IntegrationEvent): Promise<void> {
    if (event instanceof SchemaDriftDetected) {
      await this.commands.execute(new ProposeMappingRepairCommand(event.connectionId, event.stream, event.driftId));
      if (event.breaking) {
        await this.commands.execute(new NotifyCommand({ kind: 'breaking_drift', dedupeKey: `drift:${event.driftId}`, text: `Breaking schema drift on stream ${event.stream} (connection ${event.connectionId})` }));
      }
    } else if (event instanceof RepairProposed) {
      await this.commands.execute(new ResolveRepairCommand(event.repairId));
    } else if (event instanceof ReviewRequested) {
      await this.commands.execute(new NotifyCommand({ kind: 'review_requested', dedupeKey: `review:${event.itemId}`, text: `Review needed (${event.risk} risk): ${event.title}`, itemId: event.itemId }));
    } else if (event instanceof ReviewDecided) {
      await this.commands.execute(new ApplyReviewDecisionCommand(event.itemId));
    } else if (event instanceof MappingApplied) {
      await this.commands.execute(new ReplayQuarantineCommand(event.connectionId, event.stream));
    }
  }

  private record(event: IntegrationEvent, status: SagaInboxEntity['status'], attempts: number, lastError: string | null): Promise<unknown> {
    return this.db.transaction((manager) =>
      manager.upsert(SagaInboxEntity, { outboxId: event.outboxId!, tenantId: event.tenantId, eventType: event.type, status, attempts, lastError }, ['outboxId']),
    );
  }
}
