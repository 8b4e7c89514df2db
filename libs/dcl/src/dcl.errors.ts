import { DomainError, FieldProblem } from '@autonomos/platform';

export enum DclErrorCode {
  ViewNotFound = 'view_not_found',
  EntityNotFound = 'entity_not_found',
  FieldNotFound = 'field_not_found',
  InvalidFilter = 'invalid_filter',
  InvalidCursor = 'invalid_cursor',
  RefreshBusy = 'refresh_busy',
  NotLegacyMode = 'dcl_not_legacy_mode',
}

const invalid = (code: DclErrorCode, message: string, fields: FieldProblem[]) => new DomainError(code, 'invalid', message, fields);

export const dclErrors = {
  viewNotFound: (name: string, known: string[]) => new DomainError(DclErrorCode.ViewNotFound, 'not_found', `View ${name} does not exist; views: ${known.join(', ')}`),
  entityNotFound: (name: string) => new DomainError(DclErrorCode.EntityNotFound, 'not_found', `Ontology entity ${name} does not exist`),
  fieldNotFound: (entity: string, field: string) =>
    invalid(DclErrorCode.FieldNotFound, `${entity} has no field ${field}`, [{ field: 'field', message: `not a field of ${entity}` }]),
  invalidFilter: (field: string, message: string) => invalid(DclErrorCode.InvalidFilter, `Invalid filter: ${message}`, [{ field, message }]),
  invalidCursor: () => invalid(DclErrorCode.InvalidCursor, 'The cursor is not one this endpoint returned', [{ field: 'cursor', message: 'unknown cursor' }]),
  refreshBusy: (view: string) => new DomainError(DclErrorCode.RefreshBusy, 'conflict', `A refresh of ${view} is still running; try again later`),
  notLegacyMode: () =>
    new DomainError(DclErrorCode.NotLegacyMode, 'conflict', 'Your tenant’s DCL reads the AAM streams (mode aam): a legacy load needs mode legacy (PUT /settings/dcl)'),
};
