import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../users/users.dto';

export class RegisterDto {
  @ApiProperty({ example: 'Acme Corp' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  tenantName: string;

  @ApiProperty({ example: 'ada@acme.test' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 256, description: 'At least 12 characters.' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@acme.test' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the current session.' })
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken: string;
}

export class SessionDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Single use: each refresh returns the next one.' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
}

export class RegisteredDto extends SessionDto {
  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;
}

export class TenantSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class ActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type: 'user' | 'api_key' | 'system';

  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['admin', 'operator', 'reviewer', 'viewer'] })
  role: 'admin' | 'operator' | 'reviewer' | 'viewer';
}

export class MeDto {
  @ApiProperty({ type: TenantSummaryDto })
  tenant: TenantSummaryDto;

  @ApiProperty({ type: ActorDto })
  actor: ActorDto;

  @ApiProperty({ type: UserDto, nullable: true })
  user: UserDto | null;
}
