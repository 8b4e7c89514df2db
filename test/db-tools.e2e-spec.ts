import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** Runs scripts/db.ts against the e2e database; resolves with exit code and output. */
async function db(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts/db.ts'), ...args], { cwd: ROOT, env: process.env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

function migrationDir(body: string, marker = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-check-'));
  writeFileSync(
    join(dir, '1900000000000-drop-things.ts'),
    `${marker}
import { MigrationInterface, QueryRunner } from 'typeorm';
export class DropThings1900000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    ${body}
  }
  async down(queryRunner: QueryRunner): Promise<void> {}
}
`,
  );
  return dir;
}

describe('database tools (e2e)', () => {
  it('deploy-check refuses a pending destructive migration, naming the file, line and statement', async () => {
    const dir = migrationDir(`await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "error"');`);
    const { code, output } = await db('deploy-check', dir);
    expect(code).toBe(1);
    expect(output).toContain(`${join(dir, '1900000000000-drop-things.ts')}:5: DROP COLUMN: await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "error"');`);
  });

  it('deploy-check lets it through with an allow marker and a reason', async () => {
    const dir = migrationDir(`await queryRunner.query('DROP TABLE "legacy"');`, '// deploy-check: allow-destructive legacy was emptied in 0.3');
    const { code, output } = await db('deploy-check', dir);
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('none destructive') });
  });

  it('deploy-check passes the real migrations, which are all applied', async () => {
    expect(await db('deploy-check')).toMatchObject({ code: 0, output: expect.stringContaining('0 pending') });
  });

  it('db-audit finds the live schema equal to the entities', async () => {
    expect(await db('audit')).toMatchObject({ code: 0, output: expect.stringContaining('matches the entities') });
  });

  it('stamp-baseline is idempotent on a database that has the schema', async () => {
    expect(await db('stamp-baseline')).toMatchObject({ code: 0, output: expect.stringContaining('already recorded') });
    expect(await db('stamp-baseline')).toMatchObject({ code: 0, output: expect.stringContaining('already recorded') });
  });
});
