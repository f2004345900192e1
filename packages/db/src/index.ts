export * from './client';
export * from './credentials';
export * from './generated/prisma/client';
export * from './migrate';
export * from './seed';
