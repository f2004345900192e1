export * from './schema';
export { SEANCE_1 } from './seance-1';
