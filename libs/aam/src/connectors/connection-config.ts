import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
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

export class PostgresConfig {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  host: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @IsString()
  @MinLength(1)
  @MaxLength(63)
  database: string;

  @IsOptional()
  @IsString()
  @MaxLength(63)
  schema?: string;

  /** Tables to sync; all tables of the schema when absent. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tables?: string[];

  /** Column incremental syncs advance on (updated_at, id). */
  @IsOptional()
  @IsString()
  @MaxLength(63)
  cursorColumn?: string;

  @IsOptional()
  @IsIn(['disable', 'require', 'verify-full'])
  sslMode?: string;
}

export class PostgresCredentials {
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  user: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string;
}

export class SalesforceConfig {
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  instanceUrl: string;

  @IsOptional()
  @Matches(/^\d{2}\.\d$/, { message: 'apiVersion must look like 61.0' })
  apiVersion?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  loginUrl?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  objects?: string[];
}

export class SalesforceCredentials {
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  accessToken?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  clientSecret?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  refreshToken?: string;
}

export class MongoConfig {
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  database: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  collections?: string[];

  /** `_id` or an updated-at field incremental syncs advance on. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursorField?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(100_000)
  sampleSize?: number;
}

export class MongoCredentials {
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'uri must be a mongodb:// or mongodb+srv:// URI' })
  @MaxLength(4000)
  uri: string;
}

