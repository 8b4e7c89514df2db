import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ReviewKind = 'mapping' | 'asset';
export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'flagged';
export type ReviewRisk = 'low' | 'medium' | 'high';
export type ReviewDecision = 'approve' | 'reject' | 'flag';

/**
 * Something the system was not confident enough to do alone, waiting for a person. `kind`
 * says which domain owns `payload` (mapping: repair; asset: AOA); `subject_key` makes a
 * request idempotent, so a re-delivered event never queues the same item twice.
 */
@Entity('review_items')
@Index('review_items_subject_key', ['tenantId', 'subjectKey'], { unique: true })
@Index('review_items_queue_idx', ['tenantId', 'status', 'createdAt', 'id'])
export class ReviewItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  kind: ReviewKind;

  @Column({ type: 'text' })
  status: ReviewStatus;

  @Column({ type: 'text' })
  risk: ReviewRisk;

  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'connection_id', type: 'uuid', nullable: true })
  connectionId: string | null;

  @Column({ type: 'text', nullable: true })
  stream: string | null;

  /** What the reviewer decides on: for mappings the drift diff, proposals with evidence, sample rows. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'requested_by_type', type: 'text' })
  requestedByType: string;

  @Column({ name: 'requested_by_id', type: 'text' })
  requestedById: string;

  @Column({ type: 'text', nullable: true })
  decision: ReviewDecision | null;

  @Column({ name: 'decided_by_id', type: 'text', nullable: true })
  decidedById: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The reviewer's edited version of the proposal, when they changed it. */
  @Column({ type: 'jsonb', nullable: true })
  edited: Record<string, unknown> | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
