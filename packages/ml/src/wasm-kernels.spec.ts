import { describeTrainingKernels } from './training-kernels.testing';
import { registerWasmTrainingKernels } from './wasm-kernels';

describe('wasm training kernels', () => {
  describeTrainingKernels('wasm', (tf) => registerWasmTrainingKernels(tf));
});
