import { CreateUserCommand, DeleteUserCommand, ListUsersQuery, UpdateUserCommand } from '@autonomos/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { CreateUserDto, UpdateUserDto, UserDto } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Add a user to your tenant' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.commands.execute(new CreateUserCommand(body.email, body.password, body.role, body.displayName));
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'Users of your tenant' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiProblems(401, 403)
  list(): Promise<UserDto[]> {
    return this.queries.execute(new ListUsersQuery());
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateUser', summary: 'Change a user’s role, name, or disable them' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.commands.execute(new UpdateUserCommand(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteUser', summary: 'Delete a user and their sessions' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.commands.execute(new DeleteUserCommand(id));
  }
}
