import * as iconv from 'iconv-lite';
import { FileSourceError, FileSourceErrorCode } from './file-source.errors';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252';

/** How the encoding was chosen: told by the caller, read from a byte-order mark, the UTF-8 default, or guessed from invalid UTF-8. */
export type EncodingSource = 'declared' | 'bom' | 'default' | 'detected';

export interface EncodingChoice {
  encoding: CsvEncoding;
  source: EncodingSource;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
}

const ALIASES: Record<string, CsvEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  iso88591: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

const BOMS: ReadonlyArray<{ encoding: CsvEncoding; bytes: Buffer }> = [
  { encoding: 'utf-8', bytes: Buffer.from([0xef, 0xbb, 0xbf]) },
  { encoding: 'utf-16le', bytes: Buffer.from([0xff, 0xfe]) },
  { encoding: 'utf-16be', bytes: Buffer.from([0xfe, 0xff]) },
];

function normalizeEncoding(name: string): CsvEncoding {
  const encoding = ALIASES[name.trim().toLowerCase()];
  if (!encoding) {
    throw new FileSourceError(
      FileSourceErrorCode.UnsupportedEncoding,
      `unsupported encoding "${name}"; use one of utf-8, utf-16le, utf-16be, latin1, windows-1252`,
    );
  }
  return encoding;
}

/**
 * Chooses the encoding from the first bytes of the file. `complete` says the sample is the whole
 * file, so a multi-byte sequence cut at its end is invalid rather than continued in the next chunk.
 */
export function chooseEncoding(sample: Buffer, complete: boolean, declared?: string): EncodingChoice {
  const bom = BOMS.find((b) => sample.subarray(0, b.bytes.length).equals(b.bytes));
  if (declared !== undefined) {
    const encoding = normalizeEncoding(declared);
    return { encoding, source: 'declared', bomLength: bom?.encoding === encoding ? bom.bytes.length : 0 };
  }
  if (bom) return { encoding: bom.encoding, source: 'bom', bomLength: bom.bytes.length };
  if (isUtf8(sample, complete)) return { encoding: 'utf-8', source: 'default', bomLength: 0 };
  // Bytes 0x80-0x9F are C1 control codes in Latin-1 and never meant in a CSV; in Windows-1252
  // they are €, „, “ and friends, so their presence points to the Windows code page.
  const encoding = sample.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'latin1';
  return { encoding, source: 'detected', bomLength: 0 };
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

export interface TextChunkDecoder {
  /** Decodes the next chunk; throws FileSourceError on bytes that are not valid in the encoding. */
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * Streaming decoder that keeps multi-byte sequences split across chunks. UTF-8 is decoded
 * strictly: invalid bytes after the sniffed sample are an error naming their line, never
 * silently replaced by U+FFFD.
 */
export function createChunkDecoder(encoding: CsvEncoding, lineAtChunkStart: () => number): TextChunkDecoder {
  if (encoding !== 'utf-8') {
    const decoder = iconv.getDecoder(encoding, { stripBOM: false });
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const strict = (chunk: Buffer | undefined, stream: boolean): string => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      const lenient = new TextDecoder('utf-8').decode(chunk ?? Buffer.alloc(0));
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      const line = lineAtChunkStart() + countNewlines(before);
      throw new FileSourceError(
        FileSourceErrorCode.InvalidEncoding,
        'bytes are not valid UTF-8; declare the file encoding (for example latin1 or windows-1252)',
        line,
      );
    }
  };
  return { write: (chunk) => strict(chunk, true), end: () => strict(undefined, false) };
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
