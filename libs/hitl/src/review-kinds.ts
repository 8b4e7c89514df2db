import { Injectable } from '@nestjs/common';
import type { ReviewDecision, ReviewItemEntity } from './entities/review-item.entity';

/**
 * What the domain owning a kind of item checks before a decision is recorded (an edited
 * mapping naming a field that does not exist, a transform failing on the sample rows). It
 * throws a DomainError ('invalid') to refuse; nothing is changed then.
 */
export interface ReviewKindHandler {
  validateDecision(item: ReviewItemEntity, decision: ReviewDecision, edited: Record<string, unknown> | undefined): Promise<void>;
}

/** Each domain registers the kinds it owns in onModuleInit (repair: mapping; AOA: asset). */
@Injectable()
export class ReviewKinds {
  private readonly handlers = new Map<string, ReviewKindHandler>();

  register(kind: string, handler: ReviewKindHandler): void {
    this.handlers.set(kind, handler);
  }

  get(kind: string): ReviewKindHandler | undefined {
    return this.handlers.get(kind);
  }
}
