export * from './client';
export * from './credentials';
export * from './fair-queue';
export * from './generated/prisma/client';
export * from './migrate';
export * from './seed';
export * from './shared-training';
