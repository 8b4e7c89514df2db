import { TenantEntity } from '@autonomos/platform';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A mapping a reviewer approved (source column → ontology field), kept with an embedding of the
 * column so similar columns later recall it (RAG memory). No pgvector here: the embedding is a
 * `real[]` and similarity is computed over the tenant's rows.
 */
@Entity('mapping_memories')
@Index('mapping_memories_signature_key', ['tenantId', 'signature'], { unique: true })
@Index('mapping_memories_tenant_model_idx', ['tenantId', 'embeddingModel', 'updatedAt'])
export class MappingMemoryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'mapping_memories_tenant_fk' })
  tenant?: TenantEntity;

  /** SHA-256 of source kind, stream, column name and target: approving the same mapping again updates this row. */
  @Column({ type: 'text' })
  signature: string;

  @Column({ name: 'source_kind', type: 'text', nullable: true })
  sourceKind: string | null;

  @Column({ type: 'text', nullable: true })
  stream: string | null;

  @Column({ name: 'source_column', type: 'text' })
  sourceColumn: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  samples: string[];

  /** Ontology entity, or null when the target is a plain field list. */
  @Column({ name: 'target_entity', type: 'text', nullable: true })
  targetEntity: string | null;

  @Column({ name: 'target_field', type: 'text' })
  targetField: string;

  @Column({ type: 'real', array: true })
  embedding: number[];

  @Column({ name: 'embedding_model', type: 'text' })
  embeddingModel: string;

  @Column({ name: 'approved_by', type: 'text' })
  approvedBy: string;

  /** How many times this mapping was approved. */
  @Column({ type: 'int', default: 1 })
  approvals: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
