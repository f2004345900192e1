export * from './features';
export * from './knn';
export * from './logistic-regression';
export * from './predictions';
export * from './random-forest';
export * from './run';
