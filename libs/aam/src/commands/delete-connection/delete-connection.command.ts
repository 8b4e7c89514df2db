import { Command } from '@nestjs/cqrs';

/** Removes the connection, its schema history, drift, quarantine and uploads; the audit trail stays. */
export class DeleteConnectionCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
