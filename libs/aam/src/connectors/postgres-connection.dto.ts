import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** libpq's sslmode values that make sense for a server-side client (no prefer/allow guessing). */
export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** Where the database is and what to read. Not secret: returned by the API. */
export class PostgresConfig {
  @IsString()
  @MinLength(1)
  @MaxLength(253)
  host: string;

  /** Default 5432. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @IsString()
  @MinLength(1)
  @MaxLength(63)
  database: string;

  /** Schemas whose tables and views become streams. Default ['public']. */
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(63, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  schemas?: string[];

  /**
   * disable: no TLS. require: TLS, certificate not checked (unless `caCert` is given, as libpq
   * does). verify-ca: certificate signed by `caCert` (or a public CA). verify-full: verify-ca and
   * the host name matches. Default: disable for postgres, require for supabase.
   */
  @IsOptional()
  @IsIn(SSL_MODES)
  sslmode?: SslMode;

  /** PEM CA certificate (Supabase: the project's "SSL certificate" download). */
  @IsOptional()
  @IsString()
  @Matches(/-----BEGIN CERTIFICATE-----/, { message: 'caCert must be a PEM certificate (-----BEGIN CERTIFICATE-----)' })
  @MaxLength(65536)
  caCert?: string;

  /**
   * Incremental cursor column per stream ('schema.table' → column), when the default choice
   * (an updated_at-like timestamp column, else a single integer primary key) is not right.
   */
  @IsOptional()
  @IsObject()
  cursorColumns?: Record<string, string>;

  /** Default 10000. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  connectTimeoutMs?: number;
}

/** Secret: encrypted at rest, never returned. */
export class PostgresCredentials {
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  user: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
