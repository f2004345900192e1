import { ErrorCode, toFieldErrors } from '@dlclass/contracts';
import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from './errors';

/**
 * Validates a body or query with a contracts schema. A failure is the caller's: a 400
 * VALIDATION_FAILED naming each faulty field. (Any other ZodError is the server's own bug: a 500.)
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      throw new DomainError(ErrorCode.ValidationFailed, undefined, toFieldErrors(result.error));
    }
    return result.data;
  }
}
