import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/** The local PostgreSQL of a development machine (trust auth), used when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/dlclass';

/**
 * A Prisma client over node-postgres (@prisma/adapter-pg): Prisma 7's query compiler is WebAssembly, so no
 * native engine is needed. Call `$disconnect()` when done.
 */
export function createPrismaClient(databaseUrl?: string): PrismaClient {
  const connectionString = databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}
