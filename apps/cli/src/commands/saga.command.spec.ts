import { runCli } from '../cli';

describe('cli saga', () => {
  const run = async (...argv: string[]) => {
    let stderr = '';
    const code = await runCli(argv, { stdout: () => undefined, stderr: (text) => (stderr += text) });
    return { code, stderr };
  };

  it('refuses an unknown saga, a missing tenant or connection with the usage line and exit code 2', async () => {
    expect(await run('saga', 'run', 'nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('drift-scan') });
    expect(await run('saga', 'run', 'drift-scan', '--connection', '00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tenant') });
    expect(await run('saga', 'run', 'drift-scan', '--tenant', '00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 2, stderr: expect.stringContaining('--connection') });
  });
});
