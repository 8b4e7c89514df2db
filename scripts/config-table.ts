// Prints the README's configuration table from the one list the code reads (CONFIG_SPEC).
import { CONFIG_SPEC } from '../libs/platform/src/config/app-config';

export function configTable(): string {
  const rows = Object.entries(CONFIG_SPEC).map(([name, spec]) => {
    const fallback = spec.default === undefined ? '**required**' : spec.default === '' ? '(empty)' : `\`${spec.default}\``;
    return `| \`${name}\` | ${fallback} | ${spec.description}${'sensitive' in spec && spec.sensitive ? ' Sensitive: never logged.' : ''} |`;
  });
  return ['| variable | default | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}

if (require.main === module) console.log(configTable());
