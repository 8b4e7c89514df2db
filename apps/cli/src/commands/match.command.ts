import { parseArgs } from 'node:util';
import { getEntity, listEntities } from '@autonomos/ontology';
import { entityTargets, matchColumns, TargetField, withOntologyHints } from '@autonomos/repair';
import { readSourceCsv, readTarget } from '../schema-files';
import { CliCommand, UsageError } from '../cli-command';

const USAGE = 'match --source FILE.csv (--target FILE.csv|FILE.json | --entity NAME) [--top 10] [--one-to-one] [--llm]';

export const matchCommand: CliCommand = {
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        source: { type: 'string' },
        target: { type: 'string' },
        entity: { type: 'string' },
        top: { type: 'string', default: '10' },
        'one-to-one': { type: 'boolean', default: false },
        llm: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.source) throw new UsageError('--source is required');
    if (!values.target === !values.entity) throw new UsageError('give exactly one of --target or --entity');
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive integer, got "${values.top}"`);
    if (values.llm) {
      // The LLM gateway (libs/llm) is not wired into the CLI yet; the heuristics stand alone.
      io.stderr('note: --llm ignored, no LLM is configured for the CLI; matching with heuristics only\n');
    }

    const started = performance.now();
    const target = values.entity ? targetsOfEntity(values.entity) : withOntologyHints(readTarget(values.target!));
    const source = readSourceCsv(values.source);
    const result = await matchColumns(source, target, { top, oneToOne: values['one-to-one'] });
    io.stdout(JSON.stringify({ ...result, elapsedMs: Math.round(performance.now() - started) }) + '\n');
  },
};

function targetsOfEntity(name: string): TargetField[] {
  const entity = getEntity(name);
  if (!entity) {
    throw new UsageError(`unknown entity "${name}"; known: ${listEntities().map((e) => e.name).join(', ')}`);
  }
  return entityTargets(entity);
}
