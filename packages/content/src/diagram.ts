import { type TDiagram, ZDiagram } from './schema';

/** Neurons drawn per layer (input, two hidden layers, output): a sketch of the network, not its real size. */
const LAYER_X = [150, 340, 530, 720] as const;
const LAYER_SIZES = [4, 5, 5, 4] as const;
const TOP = 80;
const BOTTOM = 340;

const nodes = LAYER_SIZES.flatMap((size, layer) =>
  Array.from({ length: size }, (_, k) => ({
    id: `n${layer}-${k}`,
    x: LAYER_X[layer] as number,
    y: TOP + ((BOTTOM - TOP) * k) / (size - 1),
    layer,
  })),
);

/** Every neuron is connected to every neuron of the next layer (dense layers). */
const edges = nodes.flatMap((from) =>
  nodes.filter((to) => to.layer === from.layer + 1).map((to): [string, string] => [from.id, to.id]),
);

/**
 * The annotated schema of deliverable 3 (viewBox 900 x 480). Label ids say nothing of their slot: the
 * labels reach the browser, the key (`slot`) must not.
 */
export const SCHEMA_DIAGRAM: TDiagram = ZDiagram.parse({
  width: 900,
  height: 480,
  nodes,
  edges,
  slots: [
    { id: 'preprocessing', number: 1, x: 50, y: 210 },
    { id: 'input-layer', number: 2, x: 150, y: 395 },
    { id: 'hidden-layer-1', number: 3, x: 340, y: 395 },
    { id: 'hidden-layer-2', number: 4, x: 530, y: 395 },
    { id: 'output-layer', number: 5, x: 720, y: 395 },
    { id: 'activation', number: 6, x: 340, y: 40 },
    { id: 'forward-propagation', number: 7, x: 450, y: 20 },
    { id: 'weight-update', number: 8, x: 625, y: 40 },
    { id: 'prediction', number: 9, x: 830, y: 130 },
    { id: 'ground-truth', number: 10, x: 830, y: 250 },
    { id: 'loss', number: 11, x: 830, y: 370 },
    { id: 'back-propagation', number: 12, x: 450, y: 455 },
  ],
  labels: [
    { id: 'label-a', text: 'Fonction de perte (loss)', slot: 'loss' },
    { id: 'label-b', text: 'Couche d’entrée (784 pixels)', slot: 'input-layer' },
    { id: 'label-c', text: 'Rétropropagation du gradient', slot: 'back-propagation' },
    { id: 'label-d', text: 'Arbre de décision', slot: null },
    { id: 'label-e', text: 'Première couche cachée', slot: 'hidden-layer-1' },
    { id: 'label-f', text: 'Prédiction du réseau', slot: 'prediction' },
    { id: 'label-g', text: 'Fonction d’activation (ReLU)', slot: 'activation' },
    { id: 'label-h', text: 'Prétraitement (pixels ramenés entre 0 et 1)', slot: 'preprocessing' },
    { id: 'label-i', text: 'Couche de sortie (10 classes, softmax)', slot: 'output-layer' },
    { id: 'label-j', text: 'Caractéristiques choisies à la main', slot: null },
    { id: 'label-k', text: 'Propagation avant', slot: 'forward-propagation' },
    { id: 'label-l', text: 'Étiquette attendue (vérité terrain)', slot: 'ground-truth' },
    { id: 'label-m', text: 'Mise à jour des poids', slot: 'weight-update' },
    { id: 'label-n', text: 'Deuxième couche cachée', slot: 'hidden-layer-2' },
  ],
});
