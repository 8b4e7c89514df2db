import { MigrationInterface, QueryRunner } from 'typeorm';

const FUNCTIONS = [
  'task_create(uuid, uuid, text, jsonb, text, text, text, text)',
  'task_start(uuid, uuid, text)',
  'task_end_run(uuid, uuid, text, jsonb, text, text)',
  'task_progress(uuid, uuid, integer, text)',
  'task_status_event(tasks, text)',
];

/**
 * The hot task transitions (create, start a run, progress, end a run) as functions, so each is one round
 * trip to PostgreSQL instead of five or six (BEGIN, set_config, read, write, outbox, COMMIT).
 * They run as the caller (SECURITY INVOKER): row-level security applies to the application role
 * as before, after each function sets `app.tenant_id` for its own transaction only. The state
 * change and its outbox event still commit together.
 */
export class TaskTransitions1795751000000 implements MigrationInterface {
  name = 'TaskTransitions1795751000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The payload of TaskStatusChanged (libs/tasks/src/events), written to the outbox.
    await queryRunner.query(`CREATE FUNCTION task_status_event(t tasks, p_correlation_id text) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO outbox_events (tenant_id, aggregate_type, aggregate_id, event_type, payload, correlation_id)
        VALUES (t.tenant_id, 'task', t.id::text, 'task.status_changed', jsonb_build_object(
          'type', 'task.status_changed', 'tenantId', t.tenant_id, 'aggregateId', t.id, 'taskId', t.id, 'taskType', t.type,
          'status', t.status, 'error', CASE WHEN t.status = 'failed' THEN t.error END), p_correlation_id)
      $$`);
    // Inserts a queued task, or returns the first task created under the same idempotency key.
    await queryRunner.query(`CREATE FUNCTION task_create(p_tenant_id uuid, p_id uuid, p_type text, p_payload jsonb,
        p_idempotency_key text, p_request_hash text, p_created_by text, p_correlation_id text) RETURNS SETOF tasks
      LANGUAGE plpgsql AS $$
      DECLARE
        created tasks;
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
        INSERT INTO tasks (id, tenant_id, type, payload, status, idempotency_key, request_hash, created_by)
          VALUES (p_id, p_tenant_id, p_type, p_payload, 'queued', p_idempotency_key, p_request_hash, p_created_by)
          ON CONFLICT DO NOTHING RETURNING * INTO created;
        IF FOUND THEN
          PERFORM task_status_event(created, p_correlation_id);
          RETURN NEXT created;
        ELSE
          -- A new statement, so a new snapshot: it sees the first task, whose commit the insert waited for.
          RETURN QUERY SELECT * FROM tasks WHERE tenant_id = p_tenant_id AND idempotency_key = p_idempotency_key;
        END IF;
      END $$`);
    // Starts a delivery of the task's job: nothing when the task is gone, finished or cancelled;
    // a take-over of a running task (its worker died) counts an attempt but raises no event.
    await queryRunner.query(`CREATE FUNCTION task_start(p_tenant_id uuid, p_id uuid, p_correlation_id text) RETURNS SETOF tasks
      LANGUAGE plpgsql AS $$
      DECLARE
        previous_status text;
        started tasks;
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
        SELECT status INTO previous_status FROM tasks WHERE id = p_id FOR UPDATE;
        IF previous_status IS NULL OR previous_status NOT IN ('queued', 'running') THEN RETURN; END IF;
        UPDATE tasks SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
          WHERE id = p_id RETURNING * INTO started;
        IF previous_status = 'queued' THEN PERFORM task_status_event(started, p_correlation_id); END IF;
        RETURN NEXT started;
      END $$`);
    // Ends a run: succeeded (with its result), failed for good, or queued again to wait for
    // BullMQ's retry (no event: the task is still on its way). Only a running task moves, so a
    // task cancelled meanwhile stays cancelled and a task is finished once; false when it did not move.
    await queryRunner.query(`CREATE FUNCTION task_end_run(p_tenant_id uuid, p_id uuid, p_status text, p_result jsonb,
        p_error text, p_correlation_id text) RETURNS boolean
      LANGUAGE plpgsql AS $$
      DECLARE
        ended tasks;
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
        UPDATE tasks SET status = p_status, error = p_error, result = coalesce(p_result, result),
            progress = CASE WHEN p_status = 'succeeded' THEN 100 ELSE progress END,
            finished_at = CASE WHEN p_status = 'queued' THEN finished_at ELSE now() END,
            updated_at = now()
          WHERE id = p_id AND status = 'running' RETURNING * INTO ended;
        IF NOT FOUND THEN RETURN false; END IF;
        IF p_status <> 'queued' THEN PERFORM task_status_event(ended, p_correlation_id); END IF;
        RETURN true;
      END $$`);
    // Records progress of a running task; false once it is no longer running (cancelled).
    await queryRunner.query(`CREATE FUNCTION task_progress(p_tenant_id uuid, p_id uuid, p_progress integer, p_message text) RETURNS boolean
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
        UPDATE tasks SET progress = p_progress, progress_message = p_message, updated_at = now() WHERE id = p_id AND status = 'running';
        RETURN FOUND;
      END $$`);
    for (const fn of FUNCTIONS) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO autonomos_app`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await queryRunner.query(`DROP FUNCTION ${fn}`);
  }
}
