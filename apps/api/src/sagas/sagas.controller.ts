import { DomainError } from '@autonomos/platform';
import { SAGA_TASKS, SagaName } from '@autonomos/repair';
import { CreateTaskCommand } from '@autonomos/tasks';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { TaskDto } from '../tasks/tasks.dto';
import { SAGA_NAMES } from '../schedules/schedules.dto';
import { RunSagaDto } from './sagas.dto';

@ApiTags('sagas')
@ApiBearerAuth()
@Controller('sagas')
export class SagasController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':name/run')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'runSaga', summary: 'Run a saga now as a task with progress (drift-scan: re-read a connection’s schemas and raise drift; replay-quarantine: replay a stream’s held-back records)' })
  @ApiParam({ name: 'name', enum: SAGA_NAMES })
  @ApiAcceptedResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 404)
  async run(@Param('name') name: string, @Body() body: RunSagaDto): Promise<TaskDto> {
    if (!(name in SAGA_TASKS)) throw new DomainError('unknown_saga', 'not_found', `No saga "${name}"; sagas: ${Object.keys(SAGA_TASKS).join(', ')}`);
    const { task } = await this.commands.execute(new CreateTaskCommand(SAGA_TASKS[name as SagaName], { ...body }));
    return task;
  }
}
