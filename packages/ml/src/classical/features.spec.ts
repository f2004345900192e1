import { PIXELS_PER_IMAGE, type TDigitSet } from '../mnist';
import { digitFeatures, featureWidth, ZONE_SIZE } from './features';

describe('digitFeatures', () => {
  const set: TDigitSet = {
    images: new Uint8Array(2 * PIXELS_PER_IMAGE),
    labels: new Uint8Array(2),
    count: 2,
  };
  // image 0: the top-left zone all ink; image 1: one pixel of ink in the last zone
  for (let y = 0; y < ZONE_SIZE; y++) for (let x = 0; x < ZONE_SIZE; x++) set.images[y * 28 + x] = 255;
  set.images[2 * PIXELS_PER_IMAGE - 1] = 160;

  it('keeps the raw pixels as they are', () => {
    const pixels = digitFeatures(set, 'pixels');
    expect(pixels).toMatchObject({ count: 2, width: 784 });
    expect(pixels.values).toEqual(set.images);
  });

  it('measures the ink of each 4 x 4 zone, row by row of zones', () => {
    const zones = digitFeatures(set, 'zones');
    expect(zones).toMatchObject({ count: 2, width: featureWidth('zones') });
    expect(zones.width).toBe(49);
    expect(Array.from(zones.values.subarray(0, 49))).toEqual([255, ...new Array(48).fill(0)]);
    expect(Array.from(zones.values.subarray(49))).toEqual([...new Array(48).fill(0), 10]);
  });
});
