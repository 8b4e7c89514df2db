import { Command } from '@nestjs/cqrs';

/** Removes a schedule and its job scheduler. */
export class DeleteScheduleCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
