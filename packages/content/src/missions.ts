import { z } from 'zod';
import { type TMission, ZMission } from './schema';

/**
 * The guided challenge: each mission changes one thing of the reference model (conv32-pool-conv64-pool-
 * flatten-dense64, 5 epochs, batch 64, Adam at 0.001, 60 000 images). `parameter` is a path in the
 * experiment spec; the reference value comes first in `values`.
 */
export const MISSIONS: TMission[] = z.array(ZMission).parse([
  {
    id: 'filters',
    title: 'Nombre de filtres',
    parameter: 'model.layers.0.filters',
    instructions:
      'Modifiez le nombre de filtres de la première convolution, sans rien changer d’autre, et lancez un entraînement par valeur.',
    values: [32, 8, 64],
    question:
      'Comment évoluent la précision, le nombre de paramètres et la durée quand on ajoute des filtres ? Le gain vaut-il le coût ?',
  },
  {
    id: 'layers',
    title: 'Nombre de couches',
    parameter: 'model.layers',
    instructions:
      'Retirez le deuxième bloc convolution + pooling, puis essayez au contraire d’ajouter une couche dense de 64 neurones avant la sortie.',
    values: [
      'deux blocs de convolution',
      'un seul bloc de convolution',
      'deux blocs + une couche dense de plus',
    ],
    question:
      'Un réseau plus profond est-il toujours meilleur ? Qu’avez-vous observé sur la précision et la durée ?',
  },
  {
    id: 'dense-units',
    title: 'Neurones de la couche dense',
    parameter: 'model.layers.5.units',
    instructions: 'Changez le nombre de neurones de la couche dense qui précède la sortie.',
    values: [64, 16, 256],
    question: 'Quel est l’effet du nombre de neurones sur la précision et sur le nombre de paramètres ?',
  },
  {
    id: 'dropout',
    title: 'Dropout',
    parameter: 'model.layers',
    instructions:
      'Ajoutez une couche de dropout juste après la couche dense, avec un taux de 0,25 puis de 0,5.',
    values: ['sans dropout', 'dropout 0,25', 'dropout 0,5'],
    question:
      'Comparez l’écart entre précision d’entraînement et précision de validation avec et sans dropout. Que fait le dropout ?',
  },
  {
    id: 'epochs',
    title: "Nombre d'époques",
    parameter: 'training.epochs',
    instructions: 'Entraînez le même modèle pendant 1 époque, puis 10 époques.',
    values: [5, 1, 10],
    question:
      'À partir de combien d’époques la précision de validation cesse-t-elle de progresser ? Voyez-vous apparaître du surapprentissage ?',
  },
  {
    id: 'batch-size',
    title: 'Taille de batch',
    parameter: 'training.batchSize',
    instructions: 'Essayez une taille de batch plus petite puis plus grande que la référence.',
    values: [64, 16, 512],
    question:
      'Comment la taille de batch influe-t-elle sur la durée d’une époque et sur l’allure des courbes ?',
  },
  {
    id: 'learning-rate',
    title: "Taux d'apprentissage",
    parameter: 'training.learningRate',
    instructions: "Multipliez puis divisez le taux d'apprentissage par 10 (et osez 0,1).",
    values: [0.001, 0.0001, 0.01, 0.1],
    question:
      'Que se passe-t-il avec un taux trop petit ? Trop grand ? Décrivez la courbe de perte dans chaque cas.',
  },
  {
    id: 'optimizer',
    title: 'Optimiseur',
    parameter: 'training.optimizer',
    instructions: "Remplacez Adam par SGD, puis par RMSprop, en gardant le même taux d'apprentissage.",
    values: ['adam', 'sgd', 'rmsprop'],
    question: 'Quel optimiseur converge le plus vite ici ? Comment l’expliquez-vous ?',
  },
  {
    id: 'activation',
    title: "Fonction d'activation",
    parameter: 'model.layers.5.activation',
    instructions:
      'Remplacez ReLU par sigmoid puis par tanh dans la couche dense (et, si vous voulez, dans les convolutions).',
    values: ['relu', 'sigmoid', 'tanh'],
    question: 'Quelle activation donne le meilleur résultat ? Pourquoi ReLU est-elle si souvent choisie ?',
  },
  {
    id: 'training-data',
    title: "Quantité de données d'entraînement",
    parameter: 'training.trainSize',
    instructions: 'Entraînez le modèle de référence sur 1 000 puis 10 000 images au lieu de 60 000.',
    values: [60_000, 1_000, 10_000],
    question:
      'Comment la précision de test évolue-t-elle avec la quantité de données ? Qu’en concluez-vous sur les besoins du Deep Learning ?',
  },
]);
