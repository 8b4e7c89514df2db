import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CSV_DELIMITERS } from '../filesource/delimiter.detector';

/** A stream, table, object or collection name: letters, digits, _ . - (no paths). */
export const STREAM_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export class FileSourceConfig {
  /** A file or directory of CSV files, relative to the tenant's file root. Uploads need none. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  path?: string;

  @IsOptional()
  @IsIn(CSV_DELIMITERS)
  delimiter?: string;

  @IsOptional()
  @IsIn(['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252'])
  encoding?: string;

  /** Columns that identify a record; without them records are keyed by row number. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  keyColumns?: string[];
}
