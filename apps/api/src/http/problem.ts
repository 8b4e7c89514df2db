import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: 'must be an email' })
  message: string;
}

/** RFC 9457 problem details, with our code, correlation id and field errors. */
export class ProblemDto {
  @ApiProperty({ example: 'https://autonomos.dev/problems/invalid_input' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request body is invalid' })
  detail: string;

  @ApiProperty({ example: 'invalid_input' })
  code: string;

  @ApiProperty({ example: '/tasks' })
  instance: string;

  @ApiProperty()
  correlationId: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];

  @ApiPropertyOptional({ description: 'Present on 500s: quote it to support; the details stay in the logs.' })
  errorId?: string;
}
