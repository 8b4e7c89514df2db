import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class RunSagaDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  connectionId: string;

  @ApiPropertyOptional({ description: 'drift-scan: one stream (all when absent). replay-quarantine: the stream, required.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,200}$/, { message: 'stream must be a stream name' })
  stream?: string;
}
