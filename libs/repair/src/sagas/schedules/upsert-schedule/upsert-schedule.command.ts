import { Command } from '@nestjs/cqrs';
import type { SagaName } from '../../saga-tasks';
import type { ScheduleView } from '../schedule.view';

/** Schedules (or reschedules) a saga for a connection on a cron pattern. */
export class UpsertScheduleCommand extends Command<ScheduleView> {
  constructor(
    readonly saga: SagaName,
    readonly connectionId: string,
    readonly cron: string,
  ) {
    super();
  }
}
