import { CliCommand, CliIo, UsageError } from './cli-command';
import { matchCommand } from './commands/match.command';
import { sagaCommand } from './commands/saga.command';

// Subcommand dispatch table: add new ones (e.g. `saga`) here.
export const COMMANDS: Record<string, CliCommand> = {
  match: matchCommand,
  saga: sagaCommand,
};

/** Runs one CLI invocation and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`usage: cli <command> [options]\ncommands:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}\n`);
    return 2;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`error: ${message}\nusage: cli ${command.usage}\n`);
      return 2;
    }
    io.stderr(`error: ${message}\n`);
    return 1;
  }
}
