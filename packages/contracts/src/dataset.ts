import { z } from 'zod';
import { type TDataset, ZDataset } from './experiment';

/** One training image shown to students; pixels are 784 grey levels 0-255, row-major. */
export const ZDatasetExample = z.object({
  label: z.number().int().min(0).max(9),
  pixels: z.array(z.number().int().min(0).max(255)),
});
export type TDatasetExample = z.infer<typeof ZDatasetExample>;

/** The datasets a run can train on, in the order the "Données" step offers them. */
export const DATASETS: readonly TDataset[] = ['mnist', 'fashion-mnist'];

/** What students see of each dataset: its name and the names of its ten classes (label i = classNames[i]). */
export const DATASET_DESCRIPTIONS: Record<TDataset, { name: string; classNames: readonly string[] }> = {
  mnist: {
    name: 'MNIST (chiffres manuscrits)',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  },
  'fashion-mnist': {
    name: 'Fashion-MNIST (vêtements)',
    classNames: [
      'T-shirt/haut',
      'Pantalon',
      'Pull',
      'Robe',
      'Manteau',
      'Sandale',
      'Chemise',
      'Basket',
      'Sac',
      'Bottine',
    ],
  },
};

/** How an administrator installs a dataset that is not shipped with the platform (Debian/Ubuntu package). */
export const DATASET_INSTALL_COMMANDS: Partial<Record<TDataset, string>> = {
  'fashion-mnist': 'sudo apt-get install dataset-fashion-mnist',
};

/**
 * GET /api/datasets/:id: what the "Données" step of the Hello World shows. A known dataset whose files are
 * not installed on the server answers `available: false` with the command that installs it (200, not 404:
 * the dataset exists in the platform, the server only lacks its files); an unknown id is a 404.
 */
export const ZDatasetInfo = z.discriminatedUnion('available', [
  z.object({
    id: ZDataset,
    name: z.string(),
    available: z.literal(true),
    classNames: z.array(z.string()),
    trainCount: z.number().int(),
    testCount: z.number().int(),
    imageSize: z.number().int(),
    classes: z.number().int(),
    examples: z.array(ZDatasetExample),
  }),
  z.object({
    id: ZDataset,
    name: z.string(),
    available: z.literal(false),
    classNames: z.array(z.string()),
    /** The shell command that installs it, e.g. "sudo apt-get install dataset-fashion-mnist". */
    install: z.string(),
    /** A French sentence for students and teachers. */
    message: z.string(),
  }),
]);
export type TDatasetInfo = z.infer<typeof ZDatasetInfo>;
export type TAvailableDatasetInfo = Extract<TDatasetInfo, { available: true }>;
