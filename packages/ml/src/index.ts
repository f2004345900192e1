export * from './architecture';
export * from './augment';
export * from './classical';
export * from './drawing';
export * from './metrics';
export * from './mnist';
export * from './train';
export * from './wasm-kernels';
