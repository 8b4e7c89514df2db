import { DomainError } from '@autonomos/platform';
import type { ReviewDecision, ReviewItemEntity, ReviewKindHandler } from '@autonomos/hitl';
import { Injectable } from '@nestjs/common';

/**
 * Items of kind `asset`: a reviewer approves (the risk is known and accepted), rejects (the
 * asset must be fixed or retired) or flags (escalates to an admin). There is nothing to edit.
 */
@Injectable()
export class AssetReviewKind implements ReviewKindHandler {
  async validateDecision(_item: ReviewItemEntity, _decision: ReviewDecision, edited: Record<string, unknown> | undefined): Promise<void> {
    if (edited) throw new DomainError('invalid_decision', 'invalid', 'An asset review has nothing to edit: approve, reject or flag it', [{ field: 'edited', message: 'not allowed for assets' }]);
  }
}
