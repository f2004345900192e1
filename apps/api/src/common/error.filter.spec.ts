import { ErrorCode, ZExperimentSpec } from '@dlclass/contracts';
import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { isDatabaseUnavailable, toApiError } from './error.filter';
import { DomainError, ERROR_TABLE } from './errors';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('toApiError (the one exception mapping)', () => {
  it('maps a DomainError through the error table, keeping its fields and the correlation id', () => {
    const fields = [{ field: 'model.layers.3', message: 'couche impossible' }];
    const body = toApiError(new DomainError(ErrorCode.InvalidArchitecture, undefined, fields), 'corr-1');
    expect(body).toEqual({
      statusCode: 400,
      code: 'INVALID_ARCHITECTURE',
      message: ERROR_TABLE.INVALID_ARCHITECTURE.message,
      fields,
      correlationId: 'corr-1',
    });
  });

  it('passes the details of a DomainError through (the latest version with STALE_VERSION)', () => {
    const body = toApiError(
      new DomainError(ErrorCode.StaleVersion, undefined, undefined, { currentVersion: 7 }),
      'corr-3',
    );
    expect(body).toEqual({
      statusCode: 409,
      code: 'STALE_VERSION',
      message: ERROR_TABLE.STALE_VERSION.message,
      details: { currentVersion: 7 },
      correlationId: 'corr-3',
    });
  });

  it('gives every error code a status and a French default message', () => {
    for (const code of Object.values(ErrorCode)) {
      const error = new DomainError(code);
      expect(error.status).toBe(ERROR_TABLE[code].status);
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect(new DomainError(ErrorCode.NotFound).status).toBe(404);
    expect(new DomainError(ErrorCode.InvalidCredentials).status).toBe(401);
    expect(new DomainError(ErrorCode.ModelTooLarge).status).toBe(400);
  });

  it('turns a request that fails its schema (the validation pipe) into a 400 naming each faulty field', () => {
    const pipe = new ZodValidationPipe(ZExperimentSpec);
    let thrown: unknown;
    try {
      pipe.transform({
        dataset: 'mnist',
        model: { layers: [{ type: 'dense', units: 5000 }] },
        training: { epochs: 99, batchSize: 64, optimizer: 'adam', learningRate: 0.001, trainSize: 1000 },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const body = toApiError(thrown, 'corr-2');
    expect(body.statusCode).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields?.map((f) => f.field).sort()).toEqual(['model.layers.0.units', 'training.epochs']);
    expect(body.fields?.find((f) => f.field === 'training.epochs')?.message).toMatch(/époques.*au plus 30/);
  });

  it('returns what the schema parsed (defaults filled in) when the request is valid', () => {
    const pipe = new ZodValidationPipe(ZExperimentSpec);
    const spec = pipe.transform({
      dataset: 'mnist',
      model: { layers: [{ type: 'dense', units: 8 }] },
      training: { epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.001, trainSize: 1000 },
    });
    expect(spec.model.layers[0]).toEqual({ type: 'dense', units: 8, activation: 'relu' });
    expect(spec.training.validationSplit).toBe(0.1);
  });

  it("treats a raw ZodError (the server's own data failing a schema) as a 500, not the caller's 400", () => {
    const result = ZExperimentSpec.safeParse({ dataset: 'mnist' });
    expect(result.success).toBe(false);
    expect(toApiError(result.error, 'corr-4')).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: ERROR_TABLE.INTERNAL.message,
      correlationId: 'corr-4',
    });
  });

  it('maps Nest HTTP exceptions to the matching codes', () => {
    expect(toApiError(new UnauthorizedException(), 'c')).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(toApiError(new NotFoundException(), 'c')).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(toApiError(new BadRequestException(), 'c')).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers a malformed JSON body (body-parser error) with a 400 in French', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(toApiError(parseError, 'c')).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: "Le corps de la requête n'est pas un JSON valide.",
    });
  });

  it('says so when Nest reports a body that is not JSON', () => {
    const nestParseError = new BadRequestException("Expected property name or '}' in JSON at position 1");
    expect(toApiError(nestParseError, 'c').message).toBe("Le corps de la requête n'est pas un JSON valide.");
  });

  it('hides anything unexpected behind a 500 that carries the correlation id, not the internal message', () => {
    const body = toApiError(new Error('connection string postgres://secret'), 'corr-3');
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: ERROR_TABLE.INTERNAL.message,
      correlationId: 'corr-3',
    });
  });

  it('answers 503 DATABASE_UNAVAILABLE for a database Prisma cannot reach, not for a bad query', () => {
    const prismaError = (code: string, kind: string) =>
      Object.assign(new Error('Invalid `prisma.user.count()` invocation'), {
        name: 'PrismaClientKnownRequestError',
        code,
        meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind } } },
      });
    for (const error of [
      prismaError('P1001', 'DatabaseNotReachable'),
      prismaError('P2010', 'ConnectionClosed'),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(toApiError(error, 'corr-4')).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: ERROR_TABLE.DATABASE_UNAVAILABLE.message,
        correlationId: 'corr-4',
      });
    }
    expect(isDatabaseUnavailable(prismaError('P2002', 'UniqueConstraintViolation'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(false);
  });
});
