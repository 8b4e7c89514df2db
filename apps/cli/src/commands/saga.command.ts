import { parseArgs } from 'node:util';
import { CliCommand, CliIo, UsageError } from '../cli-command';

const USAGE = 'saga run <drift-scan|replay-quarantine> --tenant TENANT_ID --connection CONNECTION_ID [--stream NAME]';
const SAGAS: Record<string, string> = { 'drift-scan': 'saga.drift-scan', 'replay-quarantine': 'saga.replay-quarantine' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs a saga now, in this process, against the configured PostgreSQL and Redis (DATABASE_URL, REDIS_URL). */
export const sagaCommand: CliCommand = {
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { tenant: { type: 'string' }, connection: { type: 'string' }, stream: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [verb, name] = positionals;
    if (verb !== 'run' || !name || !SAGAS[name]) throw new UsageError(`give "run" and one of: ${Object.keys(SAGAS).join(', ')}`);
    if (!values.tenant || !UUID.test(values.tenant)) throw new UsageError('--tenant must be a tenant id (UUID)');
    if (!values.connection || !UUID.test(values.connection)) throw new UsageError('--connection must be a connection id (UUID)');

    // Loaded only here: the other subcommands need no database.
    const { runSagaTask } = await import('../saga-runner');
    const result = await runSagaTask(values.tenant, SAGAS[name], { connectionId: values.connection, ...(values.stream ? { stream: values.stream } : {}) }, progressBar(io));
    io.stderr('\n');
    io.stdout(JSON.stringify(result) + '\n');
  },
};

function progressBar(io: CliIo) {
  return (percent: number, message?: string) => {
    const filled = Math.round(percent / 5);
    io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${String(Math.round(percent)).padStart(3)}% ${message ?? ''}`.padEnd(100));
  };
}
