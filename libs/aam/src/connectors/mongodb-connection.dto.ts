import { ArrayMaxSize, ArrayMinSize, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Which database and what to read. Not secret: returned by the API. */
export class MongoConfig {
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  @Matches(/^[^/\\. "$]+$/, { message: 'database must be a MongoDB database name (no / \\ . space " or $)' })
  database: string;

  /** Collections to read. Default: every collection (system.* and views excluded). */
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  collections?: string[];

  /** Documents sampled ($sample) to infer a collection's schema. Default 200. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  sampleSize?: number;

  /**
   * Incremental cursor field per collection, e.g. { orders: 'updatedAt' }: a field every write
   * sets (a date or a counter). Default `_id`, which sees inserts only, never updates.
   */
  @IsOptional()
  @IsObject()
  cursorFields?: Record<string, string>;

  /** How long to look for a server before giving up. Default 10000. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  serverSelectionTimeoutMs?: number;
}

/** Secret: encrypted at rest, never returned. Holds the user and password when it has them. */
export class MongoCredentials {
  /** The connection string: mongodb://user:pass@host:27017/?authSource=admin or mongodb+srv://user:pass@cluster.example.net */
  @IsString()
  @MaxLength(4096)
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'uri must be a mongodb:// or mongodb+srv:// connection string' })
  uri: string;
}
