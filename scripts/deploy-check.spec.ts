import { findDestructiveStatements } from './deploy-check';

const migration = (up: string, extra = '') => `${extra}
export class M1 {
  async up(q) {
    ${up}
  }
  async down(q) {
    await q.query('DROP TABLE things');
  }
}`;

describe('findDestructiveStatements', () => {
  it.each([
    ['DROP TABLE', `await q.query('DROP TABLE "users"')`],
    ['DROP COLUMN', `await q.query('ALTER TABLE users DROP COLUMN email')`],
    ['TRUNCATE', `await q.query('TRUNCATE tasks')`],
    ['TYPE CHANGE', `await q.query('ALTER TABLE t ALTER COLUMN "name" TYPE varchar(10)')`],
  ])('flags %s in up, naming the line', (kind, statement) => {
    const [finding] = findDestructiveStatements(migration(statement));
    expect(finding).toMatchObject({ kind, line: 4 });
    expect(finding.statement).toContain(statement.slice(0, 20));
  });

  it('ignores down and additive changes', () => {
    expect(findDestructiveStatements(migration(`await q.query('ALTER TABLE t ADD COLUMN x int')`))).toEqual([]);
  });

  it('lets a migration with an allow marker and a reason through', () => {
    expect(findDestructiveStatements(migration(`await q.query('DROP TABLE old')`, '// deploy-check: allow-destructive old was emptied in 1.4'))).toEqual([]);
    expect(findDestructiveStatements(migration(`await q.query('DROP TABLE old')`, '// deploy-check: allow-destructive'))).toHaveLength(1);
  });
});
