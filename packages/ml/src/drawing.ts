import { IMAGE_SIZE } from '@dlclass/contracts';

/** RGBA pixels as a canvas' getImageData() returns them. */
export interface RgbaImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** The digit's longer side is scaled to this many pixels, as in the original MNIST preparation. */
export const DIGIT_BOX_SIZE = 20;
/** Ink below this level (0-1) is ignored when finding the digit's bounding box. */
const INK_THRESHOLD = 0.05;

/**
 * Turns a drawing into the 28x28 input the model expects, the way MNIST digits were prepared:
 * grey ink level 0-1 (dark or opaque strokes on a light or transparent background count as ink),
 * the bounding box scaled (aspect ratio kept, area-averaged) so that its longer side is 20 pixels,
 * then placed in a 28x28 image so that its center of mass is at the center. Returns 784 floats in
 * [0, 1], row-major; a blank drawing gives all zeros. Pure: no DOM, no tfjs.
 */
export function drawingToMnistInput(image: RgbaImage): Float32Array {
  const { width, height, data } = image;
  if (data.length < width * height * 4)
    throw new Error('drawingToMnistInput: data is shorter than width*height*4');
  const output = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);

  // 1. Ink level per pixel, and the bounding box of the ink.
  const ink = new Float32Array(width * height);
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      const a = data[i + 3] ?? 0;
      const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
      const level = (a / 255) * (1 - luminance);
      ink[y * width + x] = level;
      if (level > INK_THRESHOLD) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return output;

  // 2. Scale the bounding box so that its longer side becomes DIGIT_BOX_SIZE, averaging the covered area.
  const boxWidth = maxX - minX + 1;
  const boxHeight = maxY - minY + 1;
  const scale = DIGIT_BOX_SIZE / Math.max(boxWidth, boxHeight);
  const scaledWidth = Math.max(1, Math.round(boxWidth * scale));
  const scaledHeight = Math.max(1, Math.round(boxHeight * scale));
  const scaled = new Float32Array(scaledWidth * scaledHeight);
  const stepX = boxWidth / scaledWidth;
  const stepY = boxHeight / scaledHeight;
  for (let ty = 0; ty < scaledHeight; ty++) {
    const y0 = minY + ty * stepY;
    const y1 = y0 + stepY;
    for (let tx = 0; tx < scaledWidth; tx++) {
      const x0 = minX + tx * stepX;
      const x1 = x0 + stepX;
      let sum = 0;
      let area = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const coverY = Math.min(y1, sy + 1) - Math.max(y0, sy);
        if (coverY <= 0) continue;
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const coverX = Math.min(x1, sx + 1) - Math.max(x0, sx);
          if (coverX <= 0) continue;
          const weight = coverX * coverY;
          sum += (ink[sy * width + sx] ?? 0) * weight;
          area += weight;
        }
      }
      scaled[ty * scaledWidth + tx] = area > 0 ? sum / area : 0;
    }
  }

  // 3. Place it so that its center of mass lands on the image center.
  let mass = 0;
  let massX = 0;
  let massY = 0;
  for (let y = 0; y < scaledHeight; y++) {
    for (let x = 0; x < scaledWidth; x++) {
      const v = scaled[y * scaledWidth + x] ?? 0;
      mass += v;
      massX += (x + 0.5) * v;
      massY += (y + 0.5) * v;
    }
  }
  const center = IMAGE_SIZE / 2;
  const offsetX = Math.round(center - massX / mass);
  const offsetY = Math.round(center - massY / mass);
  for (let y = 0; y < scaledHeight; y++) {
    const oy = y + offsetY;
    if (oy < 0 || oy >= IMAGE_SIZE) continue;
    for (let x = 0; x < scaledWidth; x++) {
      const ox = x + offsetX;
      if (ox < 0 || ox >= IMAGE_SIZE) continue;
      output[oy * IMAGE_SIZE + ox] = Math.min(1, Math.max(0, scaled[y * scaledWidth + x] ?? 0));
    }
  }
  return output;
}
