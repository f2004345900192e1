import { DIGIT_BOX_SIZE, drawingToMnistInput, type RgbaImage } from './drawing';

const SIZE = 28;

function canvas(width: number, height: number, background: 'white' | 'transparent'): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  if (background === 'white') data.fill(255);
  return { width, height, data };
}

/** Paints [x0, x1) x [y0, y1) with an opaque grey level (0 = black ink). */
function paint(image: RgbaImage, x0: number, y0: number, x1: number, y1: number, grey = 0): void {
  const data = image.data as Uint8ClampedArray;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      data[i] = grey;
      data[i + 1] = grey;
      data[i + 2] = grey;
      data[i + 3] = 255;
    }
  }
}

function inkBox(pixels: Float32Array) {
  let minX = SIZE;
  let minY = SIZE;
  let maxX = -1;
  let maxY = -1;
  pixels.forEach((v, i) => {
    if (v <= 0) return;
    const x = i % SIZE;
    const y = Math.floor(i / SIZE);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return { minX, minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

function centerOfMass(pixels: Float32Array) {
  let mass = 0;
  let x = 0;
  let y = 0;
  pixels.forEach((v, i) => {
    mass += v;
    x += ((i % SIZE) + 0.5) * v;
    y += (Math.floor(i / SIZE) + 0.5) * v;
  });
  return { x: x / mass, y: y / mass };
}

describe('drawingToMnistInput', () => {
  it('gives 784 zeros for a blank canvas', () => {
    const input = drawingToMnistInput(canvas(280, 280, 'white'));
    expect(input).toHaveLength(SIZE * SIZE);
    expect(input.every((v) => v === 0)).toBe(true);
  });

  it('scales the ink bounding box to 20 pixels and centers it, wherever it was drawn', () => {
    const image = canvas(280, 280, 'white');
    paint(image, 10, 10, 110, 110); // a 100x100 black square in the top-left corner
    const input = drawingToMnistInput(image);
    expect(inkBox(input)).toEqual({ minX: 4, minY: 4, width: DIGIT_BOX_SIZE, height: DIGIT_BOX_SIZE });
    expect(input[14 * SIZE + 14]).toBeCloseTo(1, 5);
    expect(input[0]).toBe(0);
  });

  it('keeps the aspect ratio of a tall stroke', () => {
    const image = canvas(280, 280, 'white');
    paint(image, 200, 40, 240, 240); // 40 wide, 200 tall
    const box = inkBox(drawingToMnistInput(image));
    expect(box.height).toBe(DIGIT_BOX_SIZE);
    expect(box.width).toBe(4);
  });

  it('puts the center of mass at the image center', () => {
    const image = canvas(200, 200, 'white');
    paint(image, 20, 20, 40, 180); // an L: a vertical bar...
    paint(image, 20, 160, 180, 180); // ...and a heavier horizontal foot
    const com = centerOfMass(drawingToMnistInput(image));
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('reads dark ink on white and opaque ink on a transparent canvas the same way', () => {
    const onWhite = canvas(140, 140, 'white');
    const onTransparent = canvas(140, 140, 'transparent');
    for (const image of [onWhite, onTransparent]) {
      paint(image, 30, 20, 60, 120);
      paint(image, 60, 90, 110, 120);
    }
    expect(Array.from(drawingToMnistInput(onTransparent))).toEqual(Array.from(drawingToMnistInput(onWhite)));
  });

  it('returns grey levels between 0 and 1, lighter ink giving lower values', () => {
    const image = canvas(100, 100, 'white');
    paint(image, 10, 10, 90, 90, 128); // mid-grey square
    const input = drawingToMnistInput(image);
    const center = input[14 * SIZE + 14] ?? 0;
    expect(center).toBeGreaterThan(0.45);
    expect(center).toBeLessThan(0.55);
    expect(Math.max(...input)).toBeLessThanOrEqual(1);
    expect(Math.min(...input)).toBeGreaterThanOrEqual(0);
  });
});
