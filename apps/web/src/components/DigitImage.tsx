'use client';

import { IMAGE_SIZE } from '@dlclass/contracts';
import { useEffect, useRef } from 'react';

/** Draws a 28x28 grey image (values 0-255, or 0-1 with unit) white on black, as MNIST stores digits. */
export function DigitImage({
  pixels,
  unit = false,
  label,
  className = 'digit',
  testId,
}: {
  pixels: ArrayLike<number>;
  unit?: boolean;
  label: string;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(IMAGE_SIZE, IMAGE_SIZE);
    for (let i = 0; i < IMAGE_SIZE * IMAGE_SIZE; i++) {
      const raw = pixels[i] ?? 0;
      const v = Math.round(unit ? raw * 255 : raw);
      image.data[i * 4] = v;
      image.data[i * 4 + 1] = v;
      image.data[i * 4 + 2] = v;
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, unit]);
  return (
    <canvas
      ref={ref}
      width={IMAGE_SIZE}
      height={IMAGE_SIZE}
      className={className}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
