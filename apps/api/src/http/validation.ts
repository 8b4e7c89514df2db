import { DomainError, FieldProblem } from '@autonomos/platform';
import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, transform; every failure is a 400 naming its fields. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => new DomainError('invalid_input', 'invalid', 'The request is invalid', flatten(errors)),
});

/** A path parameter that must be a UUID: anything else is a 400, never a database error. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError('invalid_input', 'invalid', `${name} must be a UUID`, [{ field: name, message: 'must be a UUID' }]),
  });
