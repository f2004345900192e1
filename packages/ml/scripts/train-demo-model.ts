/**
 * Trains the digit recognizer of the demonstrations page and writes it, in TensorFlow.js format, to
 * apps/web/public/models/digits/ (model.json, weights.bin and info.json). The files are committed so the
 * page works offline; regenerate them with `npm run train:demo-model -w @dlclass/ml` (wasm backend, about
 * a few minutes on a laptop; same seed, same backend → same model). Fails if the test accuracy is below 97%.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TExperimentSpec } from '@dlclass/contracts';
import { loadMnist, selectBackend } from '../node';
import { runExperiment } from '../src/train';

/** Small on purpose (about 15 000 parameters, 60 KB of weights): it loads instantly in a student's browser. */
export const DEMO_MODEL_SPEC: TExperimentSpec = {
  name: 'Reconnaissance de chiffres (démonstration)',
  dataset: 'mnist',
  model: {
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 32, activation: 'relu' },
    ],
  },
  training: {
    epochs: 6,
    batchSize: 64,
    optimizer: 'adam',
    learningRate: 0.002,
    validationSplit: 0.05,
    trainSize: 60_000,
    seed: 2026,
    // drawings are less centred and less upright than MNIST's scans: small shifts and rotations help
    augmentation: { shift: 2, rotation: 10 },
  },
};

const MIN_TEST_ACCURACY = 0.97;
const OUTPUT_DIR = join(__dirname, '..', '..', '..', 'apps', 'web', 'public', 'models', 'digits');

async function main(): Promise<void> {
  const { tf, backend, device } = await selectBackend('wasm');
  console.log(`Backend: ${backend} (${device})`);
  const result = await runExperiment(tf, DEMO_MODEL_SPEC, loadMnist(), {
    onEpoch: (m, total) =>
      console.log(
        `epoch ${m.epoch}/${total}: loss ${m.loss.toFixed(4)} accuracy ${m.accuracy.toFixed(4)} ` +
          `val_accuracy ${m.valAccuracy?.toFixed(4)} (${(m.durationMs / 1000).toFixed(0)} s)`,
      ),
  });
  if (result.status !== 'succeeded') throw new Error('training was cancelled');
  const accuracy = result.evaluation.testAccuracy;
  console.log(`Test accuracy: ${(accuracy * 100).toFixed(2)}%, ${result.parameterCount} parameters`);
  if (accuracy < MIN_TEST_ACCURACY)
    throw new Error(`test accuracy ${accuracy} is below ${MIN_TEST_ACCURACY}: the files were not written`);

  mkdirSync(OUTPUT_DIR, { recursive: true });
  const { modelTopology, weightSpecs, weightData } = result.artifacts;
  writeFileSync(
    join(OUTPUT_DIR, 'model.json'),
    `${JSON.stringify({
      format: 'layers-model',
      generatedBy: `TensorFlow.js ${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
    })}\n`,
  );
  writeFileSync(join(OUTPUT_DIR, 'weights.bin'), new Uint8Array(weightData));
  writeFileSync(
    join(OUTPUT_DIR, 'info.json'),
    `${JSON.stringify(
      {
        testAccuracy: accuracy,
        parameterCount: result.parameterCount,
        epochs: DEMO_MODEL_SPEC.training.epochs,
        backend,
        spec: DEMO_MODEL_SPEC,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Written to ${OUTPUT_DIR}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
