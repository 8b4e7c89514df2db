import { DomainError } from '@autonomos/platform';
import { listEntities } from '@autonomos/ontology';

export enum RepairErrorCode {
  UnknownEntity = 'unknown_entity',
  UnknownField = 'unknown_field',
  InvalidTarget = 'invalid_target',
}

export const repairErrors = {
  unknownEntity: (name: string, field = 'target.entity') =>
    new DomainError(RepairErrorCode.UnknownEntity, 'invalid', `Unknown ontology entity "${name}"; known: ${listEntities().map((e) => e.name).join(', ')}`, [
      { field, message: 'unknown entity' },
    ]),
  unknownField: (entity: string, name: string, field = 'target.field') =>
    new DomainError(RepairErrorCode.UnknownField, 'invalid', `Entity ${entity} has no field "${name}"`, [{ field, message: 'unknown field' }]),
  invalidTarget: () =>
    new DomainError(RepairErrorCode.InvalidTarget, 'invalid', 'Give the target as exactly one of an entity or a list of fields', [
      { field: 'target', message: 'exactly one of entity or fields' },
    ]),
};
