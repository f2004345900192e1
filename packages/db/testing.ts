// Entry point of `@dlclass/db/testing` (test helpers; see src/testing.ts).
export * from './src/testing';
