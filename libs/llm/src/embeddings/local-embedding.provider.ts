import { EmbeddingProvider } from './embedding-provider';

const DIMENSIONS = 256;
// Whole words carry the meaning; character trigrams catch variants (`acct` ~ `account`,
// `billingperiod` ~ `billing period`); shapes (`$9,9.9`) catch how values are written.
const WEIGHTS = { word: 1, trigram: 0.5, shape: 0.5 };

/**
 * Offline, deterministic embedding by feature hashing: words, character trigrams and value
 * shapes of the text are hashed (with a sign) into a fixed-size vector, L2-normalised.
 * No network and no model file: the default when no embeddings endpoint is configured.
 */
export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly model = `local-hash-${DIMENSIONS}-v1`;

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map(embedText);
  }
}

export function embedText(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % DIMENSIONS] += hash & 0x80000000 ? -weight : weight;
  };
  for (const raw of text.split(/\s+/).filter(Boolean)) add(`s:${shape(raw)}`, WEIGHTS.shape);
  for (const word of words(text)) {
    // Which number a value holds says nothing about what the column means; its shape does.
    if (/^\d+$/.test(word)) continue;
    add(`w:${word}`, WEIGHTS.word);
    const padded = `#${word}#`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, WEIGHTS.trigram);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/** camelCase, snake_case and punctuation all split the same way. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** `$51,130.46` → `$9,9.9`: digits, letters and their runs folded, punctuation kept. */
function shape(token: string): string {
  return token
    .replace(/[0-9]+/g, '9')
    .replace(/[a-z]+/g, 'a')
    .replace(/[A-Z]+/g, 'A');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
