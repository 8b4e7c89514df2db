import { IntegrationEvent } from '@autonomos/platform';
import { Command } from '@nestjs/cqrs';

/** Runs the saga's step for one relayed event, in the event's tenant, recording the outcome in the inbox. */
export class RunSagaStepCommand extends Command<void> {
  constructor(readonly event: IntegrationEvent) {
    super();
  }
}
