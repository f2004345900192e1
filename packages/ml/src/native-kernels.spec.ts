import { loadNativeKernels, registerNativeTrainingKernels } from './native-kernels';
import { describeTrainingKernels } from './training-kernels.testing';

describe('native training kernels (oneDNN, over the wasm backend)', () => {
  describeTrainingKernels('native', (tf) => registerNativeTrainingKernels(tf, loadNativeKernels()));

  it('refuses arrays that do not match the dimensions instead of reading past them', () => {
    const addon = loadNativeKernels();
    const dims = Int32Array.of(1, 1, 2, 2, 2, 0, 0);
    const two = new Float32Array(4);
    expect(() => addon.matMul(dims, two, two, new Float32Array(3), null, 0)).toThrow(/c does not match/);
    expect(() => addon.matMul(dims, two, new Float64Array(4) as never, two, null, 0)).toThrow(/b does not/);
    expect(() => addon.sumLeadingAxes(3, two, new Float32Array(2))).toThrow(/x does not match/);
  });

  it('says how to build the addon when it is missing', () => {
    expect(() => loadNativeKernels('/nonexistent/dlclass_kernels.node')).toThrow(/npm run build:native/);
  });
});
