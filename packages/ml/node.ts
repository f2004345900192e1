// Entry point of `@dlclass/ml/node` (Node-only: MNIST files, backend selection; see src/node.ts).
export * from './src/node';
