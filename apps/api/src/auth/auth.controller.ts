import { GetMeQuery, LoginCommand, LogoutCommand, RefreshSessionCommand, RegisterCommand } from '@autonomos/auth';
import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Public } from '../http/auth.guard';
import { LoginDto, MeDto, RefreshDto, RegisteredDto, RegisterDto, SessionDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ operationId: 'register', summary: 'Create a tenant and its first admin, signed in' })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiProblems(400, 409)
  register(@Body() body: RegisterDto): Promise<RegisteredDto> {
    return this.commands.execute(new RegisterCommand(body.tenantName, body.email, body.password, body.displayName));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 429)
  login(@Body() body: LoginDto, @Ip() address: string): Promise<SessionDto> {
    return this.commands.execute(new LoginCommand(body.email, body.password, address));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'refresh', summary: 'Rotate the refresh token; reusing an old one ends the session' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'logout', summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.commands.execute(new LogoutCommand(body.refreshToken));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'me', summary: 'The signed-in principal and its tenant' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(): Promise<MeDto> {
    return this.queries.execute(new GetMeQuery());
  }
}
