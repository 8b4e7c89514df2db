import { Injectable } from '@nestjs/common';
import { IEvent, Saga } from '@nestjs/cqrs';
import { filter, map, Observable } from 'rxjs';
import { RunSagaStepCommand } from './run-saga-step/run-saga-step.command';
import { isSagaEvent } from './saga-events';

/**
 * Drift → repair → review → apply → replay, one step per relayed event:
 * SchemaDriftDetected → propose; RepairProposed → auto-apply or queue for review;
 * ReviewRequested → notify; ReviewDecided → apply, discard or escalate; MappingApplied → replay
 * the stream's quarantine. Every step is idempotent, so a duplicated event changes nothing twice.
 */
@Injectable()
export class MappingSaga {
  @Saga()
  steps = (events$: Observable<IEvent>): Observable<RunSagaStepCommand> =>
    events$.pipe(
      filter(isSagaEvent),
      map((event) => new RunSagaStepCommand(event)),
    );
}
