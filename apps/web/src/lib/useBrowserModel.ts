'use client';

import type { LayersModel } from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';

type Tf = typeof import('@tensorflow/tfjs');
export type BrowserModel = { tf: Tf; model: LayersModel; backend: string };

/** Loads a tfjs layers model (model.json + weights) into the browser; null url: nothing to load. */
export function useBrowserModel(url: string | null) {
  const [loaded, setLoaded] = useState<BrowserModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    let model: LayersModel | null = null;
    setLoaded(null);
    setError(null);
    (async () => {
      const tf = await import('@tensorflow/tfjs');
      await tf.ready();
      model = await tf.loadLayersModel(url);
      if (cancelled) {
        model.dispose();
        return;
      }
      setLoaded({ tf, model, backend: tf.getBackend() });
    })().catch((caught: unknown) => {
      if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
    });
    return () => {
      cancelled = true;
      model?.dispose();
    };
  }, [url]);
  return { loaded, error };
}
