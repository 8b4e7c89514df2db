import { DeleteScheduleCommand, ListSchedulesQuery, UpsertScheduleCommand } from '@autonomos/repair';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { ScheduleDto, UpsertScheduleDto } from './schedules.dto';

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('schedules')
export class SchedulesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listSchedules', summary: 'Scheduled sagas (drift scans per connection) with their next run' })
  @ApiOkResponse({ type: [ScheduleDto] })
  @ApiProblems(401)
  list(): Promise<ScheduleDto[]> {
    return this.queries.execute(new ListSchedulesQuery());
  }

  @Put()
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'upsertSchedule', summary: 'Schedule a saga for a connection on a cron pattern (replaces its earlier schedule)' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiProblems(400, 401, 403, 404)
  upsert(@Body() body: UpsertScheduleDto): Promise<ScheduleDto> {
    return this.commands.execute(new UpsertScheduleCommand(body.saga, body.connectionId, body.cron));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'deleteSchedule', summary: 'Remove a schedule' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.commands.execute(new DeleteScheduleCommand(id));
  }
}
