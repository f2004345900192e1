export * from './neuron';
export * from './playground';
export * from './small-network';
