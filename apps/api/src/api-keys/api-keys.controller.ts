import { CreateApiKeyCommand, ListApiKeysQuery, RevokeApiKeyCommand } from '@autonomos/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from '../users/users.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create a service-account key (shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 401, 403)
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.commands.execute(new CreateApiKeyCommand(body.name, body.role));
  }

  @Get()
  @ApiOperation({ operationId: 'listApiKeys', summary: 'Keys of your tenant (never the secrets)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiProblems(401, 403)
  list(): Promise<ApiKeyDto[]> {
    return this.queries.execute(new ListApiKeysQuery());
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke a key; it stops working at once' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async revoke(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.commands.execute(new RevokeApiKeyCommand(id));
  }
}
