import type { MappingEntity } from './entities/mapping.entity';
import type { MappingChangeKind, MappingVersionEntity } from './entities/mapping-version.entity';
import type { ActiveMapping, FieldMapping } from './mapping.types';

export interface MappingView extends ActiveMapping {
  updatedAt: string;
}

export interface MappingVersionView {
  version: number;
  entity: string;
  fields: FieldMapping[];
  change: MappingChangeKind;
  actor: { type: string; id: string };
  evidence: Record<string, unknown>;
  active: boolean;
  createdAt: string;
}

export const toMappingView = (mapping: MappingEntity, active: MappingVersionEntity): MappingView => ({
  mappingId: mapping.id,
  version: active.version,
  connectionId: mapping.connectionId,
  stream: mapping.stream,
  entity: active.entity,
  fields: active.fields,
  updatedAt: mapping.updatedAt.toISOString(),
});

export const toMappingVersionView = (version: MappingVersionEntity, activeVersion: number): MappingVersionView => ({
  version: version.version,
  entity: version.entity,
  fields: version.fields,
  change: version.change,
  actor: { type: version.actorType, id: version.actorId },
  evidence: version.evidence,
  active: version.version === activeVersion,
  createdAt: version.createdAt.toISOString(),
});
