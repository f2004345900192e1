/** Injection tokens of the process-wide clients. */
export const PRISMA = Symbol('PRISMA');
export const REDIS = Symbol('REDIS');
