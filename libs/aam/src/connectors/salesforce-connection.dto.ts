import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

const URL_OPTIONS = { require_protocol: true, require_tld: false, protocols: ['https', 'http'] };

/** Which org and what to read. Not secret: returned by the API. */
export class SalesforceConfig {
  /** Where OAuth flows log in: https://login.salesforce.com (default), https://test.salesforce.com or a My Domain URL. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  loginUrl?: string;

  /** REST API version, e.g. "60.0" (default). */
  @IsOptional()
  @Matches(/^\d{2,3}\.0$/, { message: 'apiVersion must look like 60.0' })
  apiVersion?: string;

  /** Objects to read (API names: Account, Opportunity, Invoice__c). Default: every queryable, replicable object. */
  @IsOptional()
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, { each: true, message: 'objects must be Salesforce API names such as Account or Invoice__c' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  objects?: string[];

  /** Per request; default 60000. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(600_000)
  requestTimeoutMs?: number;

  /** Retries after REQUEST_LIMIT_EXCEEDED or 503, with exponential backoff; default 5. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  maxRetries?: number;
}

/**
 * Secret: encrypted at rest, never returned. Either an access token with its instance URL, or
 * what an OAuth flow needs (both, to renew an expired token):
 * - refresh token flow: refreshToken + clientId (+ clientSecret if the connected app wants it);
 * - username-password flow: username + password (with the security token appended) + clientId + clientSecret;
 * - client credentials flow: clientId + clientSecret (loginUrl must be the org's My Domain URL).
 * The connector writes renewed tokens back into this object; the caller persists it.
 */
export class SalesforceCredentials {
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  accessToken?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2048)
  instanceUrl?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  refreshToken?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  clientSecret?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}
