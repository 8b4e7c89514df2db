import { sharedPath } from '@autonomos/testing';
import { runCli } from './cli';

const DATA = sharedPath('data', 'filesource');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('cli match', () => {
  it('prints only JSON with ranked candidates and the elapsed time', async () => {
    const { code, stdout, stderr } = await run('match', '--source', `${DATA}/cost_reports_drifted.csv`, '--target', `${DATA}/cost_reports.csv`, '--top', '3');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(typeof out.elapsedMs).toBe('number');
    const cost = out.columns.find((c: { source: string }) => c.source === 'cost_usd');
    expect(cost.candidates).toHaveLength(3);
    expect(cost.candidates[0]).toMatchObject({ target: 'amount', evidence: { valueOverlap: 1 } });
  });

  it('matches against an ontology entity and notes a missing LLM on stderr', async () => {
    const { code, stdout, stderr } = await run('match', '--source', `${DATA}/aws_resources.csv`, '--entity', 'CloudResource', '--llm');
    expect(code).toBe(0);
    expect(stderr).toMatch(/no LLM/);
    const first = (name: string) => JSON.parse(stdout).columns.find((c: { source: string }) => c.source === name).candidates[0].target;
    expect(first('resource_id')).toBe('ResourceId');
    expect(first('region')).toBe('RegionId');
  });

  it('rejects bad invocations with exit code 2 and the usage', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('nope')).code).toBe(2);
    const missing = await run('match', '--target', 'x.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--source is required/);
    expect((await run('match', '--source', 'a.csv', '--entity', 'Nope')).stderr).toMatch(/unknown entity "Nope"/);
    expect((await run('match', '--source', 'a.csv', '--target', 'b.csv', '--top', '0')).code).toBe(2);
  });

  it('reports an unreadable file with exit code 1', async () => {
    const { code, stderr } = await run('match', '--source', '/nonexistent.csv', '--entity', 'Account');
    expect(code).toBe(1);
    expect(stderr).toMatch(/nonexistent/);
  });
});
