import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { StreamSchema } from '../schema/schema.types';
import { ConnectionEntity } from './connection.entity';

/** Every schema a stream has had, in order; the highest version is the current one. */
@Entity('aam_schema_versions')
@Index('aam_schema_versions_stream_version_key', ['connectionId', 'stream', 'version'], { unique: true })
export class SchemaVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'aam_schema_versions_connection_fk' })
  connection?: ConnectionEntity;

  @Column({ type: 'text' })
  stream: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'jsonb' })
  schema: StreamSchema;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
