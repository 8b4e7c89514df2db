import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const SAGA_NAMES = ['drift-scan', 'replay-quarantine'] as const;

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: SAGA_NAMES })
  saga: string;

  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty({ example: '0 */6 * * *' })
  cron: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  nextRunAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class UpsertScheduleDto {
  @ApiProperty({ enum: ['drift-scan'], description: 'Sagas that run per connection on a schedule.' })
  @IsIn(['drift-scan'])
  saga: 'drift-scan';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  connectionId: string;

  @ApiProperty({ example: '0 */6 * * *', description: 'Cron pattern (5 or 6 fields, UTC).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  cron: string;
}
