import { DomainError, FieldProblem } from '@autonomos/platform';

export enum MappingErrorCode {
  MappingNotFound = 'mapping_not_found',
  VersionNotFound = 'mapping_version_not_found',
  InvalidMapping = 'invalid_mapping',
  StaleVersion = 'mapping_version_stale',
}

export const mappingErrors = {
  notFound: (id: string) => new DomainError(MappingErrorCode.MappingNotFound, 'not_found', `Mapping ${id} does not exist`),
  versionNotFound: (id: string, version: number) =>
    new DomainError(MappingErrorCode.VersionNotFound, 'not_found', `Mapping ${id} has no version ${version}`, [{ field: 'version', message: 'no such version' }]),
  invalid: (message: string, fields: FieldProblem[]) => new DomainError(MappingErrorCode.InvalidMapping, 'invalid', message, fields),
  alreadyActive: (version: number) =>
    new DomainError(MappingErrorCode.StaleVersion, 'conflict', `Version ${version} is already the active one`, [{ field: 'version', message: 'already active' }]),
};
