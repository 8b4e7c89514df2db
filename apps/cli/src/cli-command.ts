export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A subcommand: `run` gets the arguments after its name. */
export interface CliCommand {
  usage: string;
  run(argv: string[], io: CliIo): Promise<void>;
}

/** Bad invocation: reported with the usage line and exit code 2. */
export class UsageError extends Error {}
