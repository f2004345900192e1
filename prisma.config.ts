// Prisma CLI configuration (Prisma 7). The app itself does not read this file: it builds its client with
// @prisma/adapter-pg (packages/db) and applies migrations with Prisma's WebAssembly schema engine
// (packages/db/scripts/migrate.mjs). `prisma migrate deploy` uses it where the native engine can be fetched.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dlclass' },
});
