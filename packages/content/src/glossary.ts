import type { TGlossaryTerm } from './schema';
import { ZGlossary } from './schema';

/** Deep-learning terms for BTS students, linked from the pages where a term or one of its aliases appears. */
export const GLOSSARY: TGlossaryTerm[] = ZGlossary.parse([
  {
    id: 'deep-learning',
    term: 'Deep Learning',
    aliases: ['apprentissage profond', 'DL'],
    definition:
      'Branche du Machine Learning qui utilise des réseaux de neurones à plusieurs couches. Le réseau apprend lui-même, couche après couche, les caractéristiques utiles des données brutes (pixels, sons, mots).',
  },
  {
    id: 'machine-learning',
    term: 'Machine Learning',
    aliases: ['apprentissage automatique', 'ML'],
    definition:
      'Ensemble de méthodes où un programme apprend à partir d’exemples au lieu de suivre des règles écrites à la main. En Machine Learning « classique », on choisit soi-même les caractéristiques données au modèle.',
  },
  {
    id: 'neural-network',
    term: 'réseau de neurones',
    aliases: ['réseaux de neurones', 'réseau neuronal', 'réseaux neuronaux', 'neural network'],
    definition:
      'Modèle formé de neurones artificiels organisés en couches : chaque couche transforme les valeurs reçues de la précédente et transmet son résultat à la suivante.',
  },
  {
    id: 'neuron',
    term: 'neurone',
    aliases: ['neurones', 'neuron', 'neurone artificiel', 'neurones artificiels'],
    definition:
      'Unité de calcul de base : elle multiplie chaque entrée par un poids, additionne le tout avec un biais, puis applique une fonction d’activation au résultat.',
  },
  {
    id: 'weight',
    term: 'poids',
    aliases: ['weight', 'weights'],
    definition:
      'Nombre qui indique l’importance d’une entrée pour un neurone. Apprendre, pour un réseau, c’est ajuster ses poids pour que ses réponses se rapprochent des bonnes réponses.',
  },
  {
    id: 'bias',
    term: 'biais',
    aliases: ['bias'],
    definition:
      'Valeur ajoutée à la somme pondérée d’un neurone. Elle décale son seuil de déclenchement : le neurone peut s’activer même si toutes ses entrées sont nulles, ou au contraire rester éteint.',
  },
  {
    id: 'activation-function',
    term: 'fonction d’activation',
    aliases: ['fonctions d’activation', 'activation', 'activations', 'activation function'],
    definition:
      'Fonction appliquée à la sortie d’un neurone (ReLU, sigmoïde, tanh, softmax…). Elle introduit de la non-linéarité : sans elle, empiler des couches reviendrait à faire un seul calcul linéaire.',
  },
  {
    id: 'relu',
    term: 'ReLU',
    aliases: [],
    definition:
      'Fonction d’activation qui renvoie 0 pour une valeur négative et la valeur elle-même sinon. Simple et rapide, elle est la plus utilisée dans les couches cachées.',
  },
  {
    id: 'sigmoid',
    term: 'sigmoïde',
    aliases: ['sigmoid'],
    definition:
      'Fonction d’activation en forme de S qui ramène toute valeur entre 0 et 1. Elle sert à exprimer une probabilité pour un choix oui / non.',
  },
  {
    id: 'softmax',
    term: 'softmax',
    aliases: [],
    definition:
      'Fonction d’activation de la couche de sortie d’un classifieur : elle transforme les scores des classes en probabilités positives dont la somme vaut 1.',
  },
  {
    id: 'layer',
    term: 'couche',
    aliases: ['couches', 'layer', 'layers'],
    definition:
      'Groupe de neurones qui reçoivent les mêmes entrées et calculent en même temps. Un réseau enchaîne une couche d’entrée, des couches cachées et une couche de sortie.',
  },
  {
    id: 'input-layer',
    term: 'couche d’entrée',
    aliases: ['couches d’entrée', 'input layer'],
    definition:
      'Première couche du réseau : elle reçoit les données brutes, par exemple les 784 pixels d’une image MNIST de 28 × 28.',
  },
  {
    id: 'hidden-layer',
    term: 'couche cachée',
    aliases: ['couches cachées', 'hidden layer', 'hidden layers'],
    definition:
      'Couche située entre l’entrée et la sortie. On ne voit pas directement ce qu’elle calcule : elle construit des représentations intermédiaires des données.',
  },
  {
    id: 'output-layer',
    term: 'couche de sortie',
    aliases: ['couches de sortie', 'output layer'],
    definition:
      'Dernière couche du réseau : elle donne la réponse. Pour reconnaître les chiffres, elle a dix neurones, un par chiffre, suivis d’une softmax.',
  },
  {
    id: 'dense-layer',
    term: 'couche dense',
    aliases: ['couches denses', 'couche entièrement connectée', 'dense layer'],
    definition: 'Couche dont chaque neurone est relié à toutes les sorties de la couche précédente.',
  },
  {
    id: 'cnn',
    term: 'réseau de neurones convolutif',
    aliases: ['réseaux de neurones convolutifs', 'réseau convolutif', 'réseaux convolutifs', 'CNN'],
    definition:
      'Réseau qui commence par des couches de convolution et de pooling. Il est conçu pour les images : il repère des motifs locaux (bords, courbes) où qu’ils se trouvent dans l’image.',
  },
  {
    id: 'convolution',
    term: 'convolution',
    aliases: ['convolutions', 'couche de convolution', 'couches de convolution', 'conv2d'],
    definition:
      'Opération qui fait glisser un petit filtre sur toute l’image et calcule, à chaque position, à quel point la zone ressemble au motif du filtre. Le résultat est une carte des endroits où le motif apparaît.',
  },
  {
    id: 'filter',
    term: 'filtre',
    aliases: ['filtres', 'filter', 'filters', 'noyau', 'kernel'],
    definition:
      'Petite grille de poids (par exemple 3 × 3) utilisée par une convolution. Chaque filtre apprend à détecter un motif : un trait vertical, un coin, une boucle…',
  },
  {
    id: 'pooling',
    term: 'pooling',
    aliases: ['max pooling', 'max-pooling', 'maxpooling2d', 'sous-échantillonnage'],
    definition:
      'Opération qui réduit la taille d’une carte de caractéristiques en gardant, par exemple, la valeur maximale de chaque carré de 2 × 2. Elle allège les calculs et rend le réseau moins sensible aux petits décalages.',
  },
  {
    id: 'flatten',
    term: 'aplatissement',
    aliases: ['flatten'],
    definition:
      'Étape qui transforme les cartes en deux dimensions en une simple liste de nombres, pour pouvoir les donner à des couches denses.',
  },
  {
    id: 'epoch',
    term: 'époque',
    aliases: ['époques', 'epoch', 'epochs'],
    definition:
      'Un passage complet du réseau sur toutes les images d’entraînement. Entraîner pendant 5 époques, c’est montrer 5 fois chaque image au réseau.',
  },
  {
    id: 'batch',
    term: 'batch',
    aliases: ['batchs', 'batches', 'mini-batch', 'mini-batchs', 'taille de batch', 'batch size'],
    definition:
      'Petit paquet d’exemples (par exemple 64 images) traité d’un coup : le réseau calcule son erreur moyenne sur le paquet, puis met à jour ses poids une fois.',
  },
  {
    id: 'learning-rate',
    term: 'taux d’apprentissage',
    aliases: ['learning rate'],
    definition:
      'Taille des pas faits à chaque mise à jour des poids. Trop petit, l’apprentissage est très lent ; trop grand, il devient instable et la perte peut exploser.',
  },
  {
    id: 'loss',
    term: 'fonction de perte',
    aliases: ['perte', 'loss', 'fonction de coût'],
    definition:
      'Mesure de l’écart entre la prédiction du réseau et la bonne réponse. L’entraînement cherche à la rendre la plus petite possible.',
  },
  {
    id: 'accuracy',
    term: 'précision',
    aliases: ['accuracy', 'exactitude', 'taux de bonnes réponses'],
    definition:
      'Part des exemples correctement classés, par exemple 0,98 (98 %) des images de test. On la mesure à part sur l’entraînement, la validation et le test.',
  },
  {
    id: 'overfitting',
    term: 'surapprentissage',
    aliases: ['sur-apprentissage', 'surajustement', 'overfitting'],
    definition:
      'Le modèle apprend les exemples d’entraînement « par cœur », y compris leurs détails sans importance : très bon sur l’entraînement, il est nettement moins bon sur des données nouvelles.',
  },
  {
    id: 'underfitting',
    term: 'sous-apprentissage',
    aliases: ['sous-ajustement', 'underfitting'],
    definition:
      'Le modèle est trop simple ou trop peu entraîné : il se trompe souvent, même sur les données d’entraînement.',
  },
  {
    id: 'dropout',
    term: 'dropout',
    aliases: [],
    definition:
      'Technique contre le surapprentissage : pendant l’entraînement, une partie des neurones (par exemple 25 %) est éteinte au hasard à chaque passage, ce qui empêche le réseau de dépendre de quelques neurones.',
  },
  {
    id: 'optimizer',
    term: 'optimiseur',
    aliases: ['optimiseurs', 'optimizer', 'Adam', 'RMSprop'],
    definition:
      'Méthode qui décide comment modifier les poids à partir du gradient. SGD fait des pas simples ; Adam adapte la taille des pas pour chaque poids et converge souvent plus vite.',
  },
  {
    id: 'gradient-descent',
    term: 'descente de gradient',
    aliases: ['gradient', 'gradients', 'SGD'],
    definition:
      'Méthode d’apprentissage : le gradient indique dans quel sens modifier chaque poids pour faire baisser la perte, et on fait un petit pas dans ce sens, encore et encore.',
  },
  {
    id: 'backpropagation',
    term: 'rétropropagation',
    aliases: ['rétropropagation du gradient', 'backpropagation', 'back-propagation'],
    definition:
      'Calcul qui part de l’erreur en sortie et remonte le réseau couche par couche pour trouver la part de responsabilité de chaque poids (son gradient).',
  },
  {
    id: 'forward-propagation',
    term: 'propagation avant',
    aliases: ['forward propagation', 'passe avant'],
    definition:
      'Trajet des données de l’entrée vers la sortie : chaque couche calcule ses sorties à partir de celles de la couche précédente, jusqu’à la prédiction.',
  },
  {
    id: 'training-set',
    term: 'jeu d’entraînement',
    aliases: ['données d’entraînement', 'images d’entraînement', 'training set'],
    definition: 'Exemples (avec leur bonne réponse) sur lesquels le réseau ajuste ses poids.',
  },
  {
    id: 'validation-set',
    term: 'jeu de validation',
    aliases: ['données de validation', 'images de validation', 'validation set'],
    definition:
      'Exemples mis de côté pendant l’entraînement pour suivre, époque après époque, si le modèle progresse sur des données qu’il n’apprend pas, et repérer le surapprentissage.',
  },
  {
    id: 'test-set',
    term: 'jeu de test',
    aliases: ['données de test', 'images de test', 'test set'],
    definition:
      'Exemples jamais vus pendant l’entraînement, utilisés une fois à la fin pour mesurer honnêtement la performance du modèle.',
  },
  {
    id: 'mnist',
    term: 'MNIST',
    aliases: [],
    definition:
      'Jeu de données de 70 000 chiffres manuscrits (60 000 pour l’entraînement, 10 000 pour le test), en images de 28 × 28 pixels en niveaux de gris. C’est le « Hello World » du Deep Learning.',
  },
  {
    id: 'normalisation',
    term: 'normalisation',
    aliases: ['normaliser', 'normalisé', 'normalisées', 'normalization'],
    definition:
      'Mise à l’échelle des données, par exemple des pixels de 0-255 vers 0-1. Des valeurs de même ordre de grandeur rendent l’apprentissage plus stable et plus rapide.',
  },
  {
    id: 'hyperparameter',
    term: 'hyperparamètre',
    aliases: ['hyperparamètres', 'hyperparameter', 'hyperparameters'],
    definition:
      'Réglage choisi avant l’entraînement (nombre d’époques, taille de batch, taux d’apprentissage, nombre de couches…), par opposition aux poids que le réseau apprend lui-même.',
  },
  {
    id: 'confusion-matrix',
    term: 'matrice de confusion',
    aliases: ['matrices de confusion', 'confusion matrix'],
    definition:
      'Tableau qui croise la vraie classe (en ligne) et la classe prédite (en colonne) : la diagonale compte les bonnes réponses, le reste montre quelles classes sont confondues.',
  },
  {
    id: 'generalisation',
    term: 'généralisation',
    aliases: ['généraliser', 'generalization'],
    definition:
      'Capacité d’un modèle à bien répondre sur des données nouvelles, différentes de celles de l’entraînement (autre écriture, bruit, rotation…).',
  },
  {
    id: 'feature-extraction',
    term: 'extraction de caractéristiques',
    aliases: ['caractéristiques', 'features', 'feature extraction'],
    definition:
      'Transformation des données brutes en informations utiles au modèle (densité de pixels, contours…). En ML classique on les choisit à la main ; un réseau profond les apprend seul.',
  },
  {
    id: 'data-augmentation',
    term: 'augmentation de données',
    aliases: ['data augmentation'],
    definition:
      'Création de nouveaux exemples d’entraînement en modifiant légèrement les images existantes (décalage, rotation) pour aider le modèle à généraliser.',
  },
  {
    id: 'gpu',
    term: 'GPU',
    aliases: ['carte graphique', 'cartes graphiques', 'processeur graphique'],
    definition:
      'Processeur conçu pour faire des milliers de calculs en parallèle. Les réseaux de neurones étant faits de multiplications de grands tableaux de nombres, un GPU les entraîne beaucoup plus vite qu’un processeur classique.',
  },
  {
    id: 'ground-truth',
    term: 'vérité terrain',
    aliases: ['étiquette attendue', 'ground truth'],
    definition:
      'La bonne réponse connue d’un exemple (le chiffre réellement écrit), à laquelle on compare la prédiction du réseau pour calculer la perte.',
  },
  {
    id: 'random-forest',
    term: 'forêt aléatoire',
    aliases: ['forêts aléatoires', 'random forest'],
    definition:
      'Modèle de Machine Learning classique qui fait voter de nombreux arbres de décision, chacun entraîné sur une partie des données.',
  },
]);
