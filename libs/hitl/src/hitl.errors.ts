import { DomainError, FieldProblem } from '@autonomos/platform';

export enum HitlErrorCode {
  ItemNotFound = 'review_item_not_found',
  NotPending = 'review_item_not_pending',
  SelfApproval = 'self_approval_forbidden',
  EscalatedToAdmin = 'review_item_escalated',
  InvalidDecision = 'invalid_decision',
}

export const hitlErrors = {
  itemNotFound: (id: string) => new DomainError(HitlErrorCode.ItemNotFound, 'not_found', `Review item ${id} does not exist`),
  notPending: (id: string, status: string) =>
    new DomainError(HitlErrorCode.NotPending, 'conflict', `Review item ${id} is ${status}, not pending: it was decided already`),
  selfApproval: () =>
    new DomainError(HitlErrorCode.SelfApproval, 'forbidden', 'You requested this change yourself: another reviewer must decide it'),
  escalated: () => new DomainError(HitlErrorCode.EscalatedToAdmin, 'forbidden', 'This item was flagged for escalation: an admin must decide it'),
  invalidDecision: (message: string, fields: FieldProblem[]) => new DomainError(HitlErrorCode.InvalidDecision, 'invalid', message, fields),
};
