import { FileSourceError, FileSourceErrorCode } from './file-source.errors';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_LINES = 5;

export function normalizeDelimiter(value: string): CsvDelimiter {
  const delimiter = CSV_DELIMITERS.find((d) => d === value);
  if (!delimiter) {
    throw new FileSourceError(
      FileSourceErrorCode.InvalidOptions,
      `unsupported delimiter ${JSON.stringify(value)}; use one of , ; tab |`,
    );
  }
  return delimiter;
}

/**
 * Picks the delimiter from the first lines. A candidate that appears the same number of times
 * on every sampled line beats one that does not (a real separator is consistent, a comma inside
 * a decimal like "1,5" is not); ties go to the one seen most often on the header line. A file
 * with a single column has none of them and defaults to comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.length > 0);
  // The last line of a partial sample may be cut short, so leave it out when there are others.
  const sampled = (lines.length > 1 ? lines.slice(0, -1) : lines).slice(0, SAMPLE_LINES);
  if (sampled.length === 0) return ',';

  const scored = CSV_DELIMITERS.map((delimiter) => {
    const counts = sampled.map((line) => countOutsideQuotes(line, delimiter));
    return { delimiter, onHeader: counts[0], consistent: counts.every((c) => c === counts[0]) };
  }).filter((s) => s.onHeader > 0);
  if (scored.length === 0) return ',';

  scored.sort((a, b) => Number(b.consistent) - Number(a.consistent) || b.onHeader - a.onHeader);
  return scored[0].delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}
