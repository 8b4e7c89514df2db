import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FieldMapping } from '../mapping.types';

/** How a version came to be. */
export type MappingChangeKind = 'set' | 'auto_apply' | 'review' | 'rollback';

/**
 * Every version a mapping has had, never changed. `change_key` names the cause (a repair, a
 * review item), so the same cause delivered twice makes one version.
 */
@Entity('mapping_versions')
@Index('mapping_versions_version_key', ['mappingId', 'version'], { unique: true })
@Index('mapping_versions_change_key', ['mappingId', 'changeKey'], { unique: true })
export class MappingVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'mapping_id', type: 'uuid' })
  mappingId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'jsonb' })
  fields: FieldMapping[];

  @Column({ type: 'text' })
  change: MappingChangeKind;

  @Column({ name: 'change_key', type: 'text', nullable: true })
  changeKey: string | null;

  @Column({ name: 'actor_type', type: 'text' })
  actorType: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  /** Why: the drift, repair, review item or version it came from, and the proposals' evidence. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  evidence: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
