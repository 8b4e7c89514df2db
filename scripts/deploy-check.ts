export interface DestructiveStatement {
  line: number;
  kind: 'DROP TABLE' | 'DROP COLUMN' | 'TRUNCATE' | 'TYPE CHANGE' | 'DROP SCHEMA';
  statement: string;
}

const PATTERNS: [DestructiveStatement['kind'], RegExp][] = [
  ['DROP TABLE', /\bDROP\s+TABLE\b/i],
  ['DROP COLUMN', /\bDROP\s+COLUMN\b/i],
  ['TRUNCATE', /\bTRUNCATE\b/i],
  ['DROP SCHEMA', /\bDROP\s+SCHEMA\b/i],
  // Any in-place type change may narrow (text → varchar(10), bigint → int): a person decides.
  ['TYPE CHANGE', /\bALTER\s+COLUMN\s+"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i],
];

const ALLOW_MARKER = /\/\/[ \t]*deploy-check:[ \t]*allow-destructive[ \t]+\S+/;

/**
 * Destructive statements in a migration's `up` (its `down` is expected to drop things).
 * A migration that carries `// deploy-check: allow-destructive <reason>` is let through.
 */
export function findDestructiveStatements(source: string): DestructiveStatement[] {
  if (ALLOW_MARKER.test(source)) return [];
  const downAt = source.search(/\basync\s+down\s*\(/);
  const up = downAt === -1 ? source : source.slice(0, downAt);
  const findings: DestructiveStatement[] = [];
  up.split('\n').forEach((text, index) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
    for (const [kind, pattern] of PATTERNS) {
      if (pattern.test(text)) findings.push({ line: index + 1, kind, statement: text.trim() });
    }
  });
  return findings;
}
