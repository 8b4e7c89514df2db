import { Command } from '@nestjs/cqrs';

/**
 * Saga step for ReviewDecided on a mapping item: approve applies the (possibly edited)
 * changes as a new version, once per item; reject discards them; flag escalates to admins.
 */
export class ApplyReviewDecisionCommand extends Command<{ appliedVersion: number | null }> {
  constructor(readonly itemId: string) {
    super();
  }
}
