import { LogicalType } from './logical-type.lattice';

/** Literal used when two observations of a column disagree on a format detail. */
export const MIXED = 'mixed';

/** How values of a column are written; only the details that matter for its type are set. */
export interface ColumnFormat {
  /** date/timestamp: 'YYYY-MM-DD', 'YYYY/MM/DD', 'DD.MM.YYYY', 'MM/DD/YYYY' or 'DD/MM/YYYY'. */
  datePattern?: string;
  /** timestamp: whether values carry 'Z' or an offset ('offset') or are local times ('none'). */
  timezone?: 'offset' | 'none' | typeof MIXED;
  /** money_text: the symbol or ISO code written with the amount ('$', '€', 'USD'). */
  currency?: string;
  /** decimal/money_text: '.' or ','. */
  decimalSeparator?: string;
  /** money_text: ',', '.', ' ' or "'". */
  thousandsSeparator?: string;
}

export interface ColumnProfile {
  /** Values seen, nulls included. */
  count: number;
  nullCount: number;
  nullRatio: number;
  /** First distinct non-null values seen, up to PROFILE_SAMPLES. */
  samples: string[];
}

export interface ColumnSchema {
  name: string;
  type: LogicalType;
  /** True when a null was seen, or when nothing was seen yet. */
  nullable: boolean;
  format: ColumnFormat;
  profile: ColumnProfile;
}

export interface StreamSchema {
  /** Records observed; a column missing from some records counts those as nulls. */
  rows: number;
  /** In first-seen order (the file's header order for CSV). */
  columns: ColumnSchema[];
}

/** A record as sources hand it over: text values, null or absent for missing. */
export type SourceRecord = Readonly<Record<string, string | null | undefined>>;
