import type { TCompetence } from '@dlclass/contracts';
import type { TQuizQuestionContent } from './schema';
import { ZQuizBank } from './schema';

/** An option as written below: [right?, text, why it is right or wrong]; ids a, b, c… follow the order. */
type TOptionRow = [correct: boolean, text: string, explanation: string];

function question(
  id: string,
  topic: string,
  competences: TCompetence[],
  prompt: string,
  multiple: boolean,
  options: TOptionRow[],
): TQuizQuestionContent {
  return {
    id,
    topic,
    competences,
    prompt,
    multiple,
    options: options.map(([correct, text, explanation], index) => ({
      id: String.fromCharCode(97 + index),
      text,
      correct,
      explanation,
    })),
  };
}

/** The QCM's bank (phase 3): every option says why it is right or wrong, shown with the correction. */
export const QUIZ_BANK: TQuizQuestionContent[] = ZQuizBank.parse([
  question(
    'dl-vs-ml',
    'dl-vs-ml',
    ['B3.2'],
    'Qu’est-ce qui distingue principalement le Deep Learning du Machine Learning classique ?',
    false,
    [
      [
        true,
        'Le réseau apprend lui-même les caractéristiques utiles à partir des données brutes',
        'C’est la différence essentielle : plus besoin de concevoir à la main les caractéristiques (contours, densités…), les couches les construisent.',
      ],
      [
        false,
        'Le Deep Learning n’a pas besoin d’exemples étiquetés',
        'Faux : le réseau de la séance a appris à partir de 60 000 images dont on connaissait le chiffre.',
      ],
      [
        false,
        'Le Deep Learning est toujours plus rapide à entraîner',
        'Faux : il demande en général plus de calcul et plus de temps qu’une forêt aléatoire ou des k plus proches voisins.',
      ],
      [
        false,
        'Le Deep Learning utilise des règles écrites par un expert',
        'Faux : ni l’un ni l’autre ne reposent sur des règles écrites à la main ; les deux apprennent à partir d’exemples.',
      ],
    ],
  ),
  question(
    'neuron-components',
    'neuron-components',
    ['B2.3'],
    'Quels éléments interviennent dans le calcul d’un neurone artificiel ?',
    true,
    [
      [true, 'Des poids', 'Oui : chaque entrée est multipliée par un poids appris.'],
      [true, 'Un biais', 'Oui : le biais est ajouté à la somme pondérée et décale le seuil du neurone.'],
      [
        true,
        'Une fonction d’activation',
        'Oui : elle est appliquée à la somme pondérée pour produire la sortie du neurone.',
      ],
      [
        false,
        'Une base de données de règles',
        'Non : un neurone ne consulte aucune règle, il fait un calcul numérique.',
      ],
      [
        false,
        'Le nombre d’époques',
        'Non : c’est un réglage de l’entraînement, pas un élément du calcul d’un neurone.',
      ],
    ],
  ),
  question(
    'forward-propagation',
    'forward-propagation',
    ['B2.3'],
    'Que se passe-t-il pendant la propagation avant ?',
    false,
    [
      [
        true,
        'Les données traversent le réseau couche par couche, de l’entrée jusqu’à la prédiction',
        'Exact : chaque couche calcule ses sorties à partir de celles de la précédente.',
      ],
      [
        false,
        'Les poids sont corrigés à partir de l’erreur',
        'Non : c’est le rôle de la rétropropagation et de l’optimiseur, après le calcul de la perte.',
      ],
      [
        false,
        'Les images sont mélangées avant l’époque suivante',
        'Non : le mélange des données est une étape de préparation, pas la propagation.',
      ],
    ],
  ),
  question('epoch', 'epoch', ['B2.2'], 'Qu’est-ce qu’une époque ?', false, [
    [
      true,
      'Un passage complet sur toutes les données d’entraînement',
      'Exact : avec 5 époques, chaque image d’entraînement est vue 5 fois.',
    ],
    [
      false,
      'La mise à jour des poids après un batch',
      'Non : c’est une itération ; une époque en contient beaucoup (60 000 / 64 ≈ 938 avec un batch de 64).',
    ],
    [
      false,
      'Le temps nécessaire pour évaluer le modèle sur le jeu de test',
      'Non : l’évaluation sur le test a lieu une fois, après l’entraînement.',
    ],
    [
      false,
      'Une couche du réseau',
      'Non : une couche est un élément de l’architecture, l’époque une unité de l’entraînement.',
    ],
  ]),
  question(
    'activation-functions',
    'activation-functions',
    ['B2.3'],
    'Parmi ces fonctions, lesquelles sont des fonctions d’activation courantes ?',
    true,
    [
      [true, 'ReLU', 'Oui : la plus utilisée dans les couches cachées, elle renvoie max(0, x).'],
      [true, 'Sigmoïde', 'Oui : elle ramène toute valeur entre 0 et 1.'],
      [true, 'Tanh', 'Oui : semblable à la sigmoïde, mais entre -1 et 1.'],
      [
        false,
        'Max pooling',
        'Non : le max pooling est une opération de réduction de taille, pas une fonction appliquée à la sortie d’un neurone.',
      ],
      [false, 'Adam', 'Non : Adam est un optimiseur, il sert à mettre à jour les poids.'],
    ],
  ),
  question(
    'cnn-purpose',
    'cnn',
    ['B2.3'],
    'Pour quel type de données les réseaux convolutifs (CNN) sont-ils particulièrement adaptés ?',
    false,
    [
      [
        true,
        'Les images',
        'Oui : leurs filtres repèrent des motifs locaux (bords, courbes) où qu’ils soient dans l’image.',
      ],
      [
        false,
        'Les tableaux de comptabilité',
        'Non : des données tabulaires n’ont pas de structure spatiale que la convolution exploiterait ; un modèle classique suffit souvent.',
      ],
      [
        false,
        'Les fichiers de configuration',
        'Non : ce ne sont pas des données sur lesquelles on entraîne un modèle de vision.',
      ],
    ],
  ),
  question('overfitting-definition', 'overfitting', ['B3.2'], 'Qu’est-ce que le surapprentissage ?', false, [
    [
      true,
      'Le modèle est très bon sur les données d’entraînement mais nettement moins bon sur des données nouvelles',
      'Exact : il a appris les exemples « par cœur » au lieu de règles générales.',
    ],
    [false, 'Le modèle n’a pas été entraîné assez longtemps', 'Non : c’est plutôt du sous-apprentissage.'],
    [
      false,
      'Le modèle apprend trop vite à cause d’un taux d’apprentissage élevé',
      'Non : un taux trop élevé rend l’apprentissage instable, ce n’est pas la définition du surapprentissage.',
    ],
    [
      false,
      'Le modèle a plus de 95 % de précision sur le test',
      'Non : une bonne précision sur le test montre au contraire que le modèle généralise.',
    ],
  ]),
  question(
    'overfitting-signs',
    'overfitting',
    ['B3.2'],
    'Quels signes, sur les courbes d’entraînement, indiquent du surapprentissage ?',
    true,
    [
      [
        true,
        'La précision d’entraînement continue de monter pendant que la précision de validation stagne ou baisse',
        'Oui : l’écart qui se creuse est le signe typique.',
      ],
      [
        true,
        'La perte de validation remonte alors que la perte d’entraînement continue de baisser',
        'Oui : le modèle s’améliore sur ses exemples mais se dégrade sur des données qu’il n’apprend pas.',
      ],
      [
        false,
        'Les deux précisions montent ensemble et restent proches',
        'Non : c’est un apprentissage sain.',
      ],
      [
        false,
        'Les deux pertes restent élevées et ne baissent pas',
        'Non : c’est du sous-apprentissage ou un problème de réglage (taux d’apprentissage, par exemple).',
      ],
    ],
  ),
  question(
    'overfitting-remedies',
    'overfitting',
    ['B2.2'],
    'Quelles techniques aident à limiter le surapprentissage ?',
    true,
    [
      [
        true,
        'Ajouter du dropout',
        'Oui : éteindre des neurones au hasard empêche le réseau de trop dépendre de quelques-uns.',
      ],
      [
        true,
        'Utiliser plus de données d’entraînement',
        'Oui : plus d’exemples variés rendent l’apprentissage par cœur plus difficile.',
      ],
      [
        true,
        'Arrêter l’entraînement quand la validation ne progresse plus',
        'Oui : c’est l’arrêt précoce, on garde le modèle avant qu’il ne se spécialise.',
      ],
      [
        false,
        'Multiplier le nombre d’époques',
        'Non : entraîner plus longtemps aggrave plutôt le surapprentissage.',
      ],
      [
        false,
        'Évaluer le modèle sur ses données d’entraînement',
        'Non : cela cache le problème au lieu de le résoudre.',
      ],
    ],
  ),
  question(
    'learning-rate',
    'learning-rate',
    ['B2.2'],
    'Que se passe-t-il si le taux d’apprentissage est beaucoup trop grand ?',
    false,
    [
      [
        true,
        'L’apprentissage devient instable : la perte oscille ou explose',
        'Exact : les pas sont si grands que les poids sautent par-dessus les bonnes valeurs.',
      ],
      [
        false,
        'Le modèle apprend plus vite et mieux, sans inconvénient',
        'Non : au-delà d’un certain point, des pas plus grands empêchent de converger.',
      ],
      [
        false,
        'Le réseau a plus de paramètres',
        'Non : le taux d’apprentissage ne change pas l’architecture.',
      ],
      [
        false,
        'L’entraînement dure beaucoup plus longtemps par époque',
        'Non : le temps d’une époque ne dépend pas du taux d’apprentissage.',
      ],
    ],
  ),
  question(
    'learning-rate-small',
    'learning-rate',
    ['B2.2'],
    'Avec un taux d’apprentissage très petit (0,00001), à quoi faut-il s’attendre après 5 époques ?',
    false,
    [
      [
        true,
        'Une précision encore faible : le modèle progresse, mais très lentement',
        'Exact : les poids bougent à peine à chaque mise à jour.',
      ],
      [false, 'Une perte qui explose', 'Non : c’est le symptôme d’un taux trop grand.'],
      [
        false,
        'Un surapprentissage immédiat',
        'Non : un modèle qui apprend lentement n’a pas encore eu le temps de se spécialiser.',
      ],
    ],
  ),
  question(
    'applications',
    'applications',
    ['B2.3'],
    'Lesquelles de ces applications reposent sur le Deep Learning ?',
    true,
    [
      [
        true,
        'La complétion de code dans un éditeur',
        'Oui : un modèle de langage entraîné sur du code propose la suite.',
      ],
      [true, 'La reconnaissance de chiffres manuscrits', 'Oui : c’est le réseau convolutif de la séance.'],
      [true, 'La génération de texte', 'Oui : un modèle de langage prédit le mot suivant, encore et encore.'],
      [
        false,
        'Le tri d’une liste par ordre alphabétique',
        'Non : un algorithme classique, sans apprentissage, le fait parfaitement.',
      ],
    ],
  ),
  question(
    'architecture-change',
    'architecture',
    ['B2.2'],
    'Vous retirez le second bloc convolution + pooling du modèle de référence. Que peut-on observer ?',
    true,
    [
      [
        true,
        'Le nombre de paramètres change fortement',
        'Oui : la couche dense reçoit alors des cartes plus grandes, donc beaucoup plus de connexions.',
      ],
      [
        true,
        'La précision de test change, souvent légèrement à la baisse',
        'Oui : le réseau dispose d’un niveau de motifs en moins pour reconnaître les chiffres.',
      ],
      [
        false,
        'Le réseau ne peut plus être entraîné',
        'Non : un seul bloc de convolution suffit à entraîner un réseau qui fonctionne.',
      ],
      [false, 'Le nombre d’images d’entraînement diminue', 'Non : l’architecture ne change pas les données.'],
    ],
  ),
  question(
    'generalisation-test',
    'generalisation',
    ['B3.2'],
    'Comment avons-nous testé la capacité de généralisation des modèles ?',
    false,
    [
      [
        true,
        'En les évaluant sur des images de test modifiées (bruit, rotation, décalage, inversion)',
        'Exact : on mesure la chute de précision quand les données s’éloignent de celles de l’entraînement.',
      ],
      [
        false,
        'En les évaluant de nouveau sur les images d’entraînement',
        'Non : cela mesure ce que le modèle a mémorisé, pas sa généralisation.',
      ],
      [false, 'En augmentant le nombre d’époques', 'Non : c’est un réglage d’entraînement, pas un test.'],
    ],
  ),
  question('bias-role', 'bias', ['B2.3'], 'À quoi sert le biais d’un neurone ?', false, [
    [
      true,
      'À décaler le seuil à partir duquel le neurone s’active',
      'Exact : il s’ajoute à la somme pondérée, comme l’ordonnée à l’origine d’une droite.',
    ],
    [
      false,
      'À mesurer les préjugés du modèle',
      'Non : malgré le nom, le biais d’un neurone est un simple nombre appris.',
    ],
    [
      false,
      'À choisir la fonction d’activation',
      'Non : l’activation est choisie par le concepteur, le biais est appris.',
    ],
    [false, 'À normaliser les pixels', 'Non : la normalisation est une étape de préparation des données.'],
  ]),
  question(
    'deep-meaning',
    'deep',
    ['B2.3'],
    'Que signifie « profond » dans « apprentissage profond » ?',
    false,
    [
      [
        true,
        'Le réseau empile plusieurs couches cachées',
        'Exact : chaque couche construit des représentations plus abstraites à partir de la précédente.',
      ],
      [
        false,
        'Le modèle comprend le sens profond des données',
        'Non : le réseau calcule, il ne « comprend » pas au sens humain.',
      ],
      [
        false,
        'L’entraînement dure très longtemps',
        'Non : la durée dépend des données et du matériel, pas de la définition.',
      ],
      [
        false,
        'Les données sont stockées dans une base profonde',
        'Non : le terme ne concerne pas le stockage.',
      ],
    ],
  ),
  question(
    'images-advantages',
    'images',
    ['B3.2'],
    'Quels sont les avantages du Deep Learning pour traiter des images ?',
    true,
    [
      [
        true,
        'Il apprend seul les motifs visuels utiles (bords, formes)',
        'Oui : pas besoin de concevoir à la main des caractéristiques.',
      ],
      [
        true,
        'Il résiste mieux aux variations (position, écriture, léger bruit)',
        'Oui : c’est ce qu’a montré le défi de généralisation, grâce aux convolutions et au pooling.',
      ],
      [
        false,
        'Il n’a besoin que de quelques images pour apprendre',
        'Non : il demande en général beaucoup d’exemples.',
      ],
      [
        false,
        'On peut facilement expliquer chacune de ses décisions',
        'Non : un réseau profond est difficile à interpréter, c’est une de ses limites.',
      ],
    ],
  ),
  question('batch', 'batch', ['B1.3'], 'Que désigne la taille de batch ?', false, [
    [
      true,
      'Le nombre d’exemples traités avant chaque mise à jour des poids',
      'Exact : avec un batch de 64, les poids sont corrigés toutes les 64 images.',
    ],
    [
      false,
      'Le nombre total d’images du jeu de données',
      'Non : le jeu de données est découpé en nombreux batchs.',
    ],
    [
      false,
      'Le nombre de neurones de la couche dense',
      'Non : c’est un élément de l’architecture, pas de l’entraînement.',
    ],
    [
      false,
      'Le nombre d’époques',
      'Non : une époque est un passage complet sur les données, quel que soit le batch.',
    ],
  ]),
  question(
    'batch-effects',
    'batch',
    ['B2.2'],
    'Si l’on passe d’un batch de 64 à un batch de 512 (mêmes époques), quels effets sont plausibles ?',
    true,
    [
      [
        true,
        'Moins de mises à jour des poids par époque',
        'Oui : 60 000 / 512 ≈ 118 mises à jour au lieu d’environ 938.',
      ],
      [
        true,
        'Une époque souvent plus rapide sur GPU',
        'Oui : de gros paquets exploitent mieux le calcul en parallèle.',
      ],
      [false, 'Un réseau avec plus de paramètres', 'Non : la taille de batch ne change pas l’architecture.'],
      [false, 'Des images de plus grande taille', 'Non : les images restent en 28 × 28.'],
    ],
  ),
  question(
    'softmax',
    'softmax',
    ['B2.3'],
    'Pourquoi la couche de sortie du classifieur de chiffres utilise-t-elle softmax ?',
    false,
    [
      [
        true,
        'Pour transformer les dix scores en probabilités dont la somme vaut 1',
        'Exact : on peut alors lire la confiance du réseau pour chaque chiffre.',
      ],
      [
        false,
        'Pour accélérer l’entraînement',
        'Non : softmax sert à interpréter la sortie, pas à accélérer le calcul.',
      ],
      [false, 'Pour réduire la taille de l’image', 'Non : c’est le rôle du pooling.'],
      [false, 'Pour éviter le surapprentissage', 'Non : c’est le rôle de techniques comme le dropout.'],
    ],
  ),
  question('pooling', 'pooling', ['B2.3'], 'Quels sont les rôles d’une couche de max pooling ?', true, [
    [
      true,
      'Réduire la taille des cartes de caractéristiques',
      'Oui : un carré de 2 × 2 devient une seule valeur.',
    ],
    [
      true,
      'Rendre le réseau moins sensible aux petits décalages',
      'Oui : garder le maximum d’une zone tolère qu’un motif bouge d’un pixel.',
    ],
    [false, 'Ajouter des poids à apprendre', 'Non : le max pooling n’a aucun paramètre appris.'],
    [
      false,
      'Calculer la probabilité de chaque chiffre',
      'Non : c’est le rôle de la couche de sortie avec softmax.',
    ],
  ]),
  question('convolution', 'cnn', ['B2.3'], 'Que fait une couche de convolution sur une image ?', false, [
    [
      true,
      'Elle fait glisser de petits filtres sur l’image pour repérer des motifs locaux',
      'Exact : chaque filtre produit une carte des endroits où son motif apparaît.',
    ],
    [
      false,
      'Elle trie les pixels du plus clair au plus foncé',
      'Non : la position des pixels compte, la convolution la préserve.',
    ],
    [false, 'Elle compresse l’image au format JPEG', 'Non : aucune compression de fichier n’a lieu.'],
  ]),
  question('dropout', 'dropout', ['B2.2'], 'Comment fonctionne le dropout ?', false, [
    [
      true,
      'À chaque passage d’entraînement, une partie des neurones est ignorée au hasard',
      'Exact : le réseau apprend à ne pas dépendre de quelques neurones, ce qui limite le surapprentissage.',
    ],
    [
      false,
      'Il supprime définitivement les neurones les moins utiles',
      'Non : les neurones ne sont éteints que temporairement, et tous servent lors de la prédiction.',
    ],
    [
      false,
      'Il retire du jeu de données les images mal classées',
      'Non : le dropout agit sur le réseau, pas sur les données.',
    ],
  ]),
  question('validation-set', 'validation-set', ['B1.3', 'B3.2'], 'À quoi sert le jeu de validation ?', true, [
    [
      true,
      'À suivre la performance sur des données non apprises pendant l’entraînement',
      'Oui : il est évalué à chaque époque sans servir à corriger les poids.',
    ],
    [
      true,
      'À repérer le surapprentissage et à choisir les réglages',
      'Oui : on compare les réglages sur la validation, en gardant le test pour la fin.',
    ],
    [
      false,
      'À corriger les poids du réseau',
      'Non : seules les données d’entraînement servent à mettre à jour les poids.',
    ],
    [
      false,
      'À remplacer le jeu de test',
      'Non : le test, jamais utilisé pour régler quoi que ce soit, donne la mesure finale honnête.',
    ],
  ]),
  question('loss', 'loss', ['B3.2'], 'Que mesure la fonction de perte ?', false, [
    [
      true,
      'L’écart entre les prédictions du réseau et les bonnes réponses',
      'Exact : l’entraînement cherche à la faire diminuer.',
    ],
    [
      false,
      'Le nombre d’images perdues pendant le chargement',
      'Non : aucune image n’est perdue, le terme vient de l’anglais « loss ».',
    ],
    [false, 'Le temps d’entraînement', 'Non : le temps se mesure à part, la perte mesure l’erreur.'],
    [
      false,
      'La précision sur le jeu de test',
      'Non : la précision compte les bonnes réponses ; la perte mesure aussi à quel point le réseau était sûr de lui.',
    ],
  ]),
  question(
    'learning-steps',
    'learning-steps',
    ['B2.3'],
    'Quelles étapes se répètent à chaque batch pendant l’entraînement ?',
    true,
    [
      [true, 'La propagation avant, jusqu’à la prédiction', 'Oui : c’est la première étape.'],
      [true, 'Le calcul de la perte', 'Oui : on compare la prédiction à la vérité terrain.'],
      [true, 'La rétropropagation du gradient', 'Oui : on calcule la part de chaque poids dans l’erreur.'],
      [
        true,
        'La mise à jour des poids',
        'Oui : l’optimiseur corrige les poids dans le sens qui réduit la perte.',
      ],
      [false, 'Le choix d’une nouvelle architecture', 'Non : l’architecture est fixée avant l’entraînement.'],
    ],
  ),
  question(
    'normalisation',
    'normalisation',
    ['B1.3'],
    'Pourquoi divise-t-on les pixels (0 à 255) par 255 avant l’entraînement ?',
    false,
    [
      [
        true,
        'Pour ramener les valeurs entre 0 et 1 et rendre l’apprentissage plus stable',
        'Exact : des entrées de petit ordre de grandeur évitent des sommes pondérées démesurées.',
      ],
      [false, 'Pour réduire le nombre d’images', 'Non : le nombre d’images ne change pas.'],
      [false, 'Pour transformer l’image en couleur', 'Non : les images restent en niveaux de gris.'],
    ],
  ),
  question('backpropagation', 'backpropagation', ['B2.3'], 'Que calcule la rétropropagation ?', false, [
    [
      true,
      'La contribution de chaque poids à l’erreur (son gradient), de la sortie vers l’entrée',
      'Exact : ces gradients indiquent comment modifier chaque poids.',
    ],
    [false, 'La prédiction du réseau pour une image', 'Non : c’est la propagation avant.'],
    [false, 'Le nombre optimal de couches', 'Non : l’architecture est choisie par le concepteur.'],
  ]),
  question(
    'dl-needs',
    'dl-vs-ml',
    ['B3.2'],
    'Quelles limites du Deep Learning par rapport au Machine Learning classique avons-nous constatées ?',
    true,
    [
      [
        true,
        'Il demande plus de calcul et de temps d’entraînement',
        'Oui : l’entraînement du réseau a pris plus de temps que celui du modèle classique.',
      ],
      [
        true,
        'Ses décisions sont plus difficiles à interpréter',
        'Oui : des milliers de poids ne s’expliquent pas aussi simplement qu’un arbre de décision.',
      ],
      [
        false,
        'Il est moins précis sur les images',
        'Non : sur MNIST, le réseau convolutif était le plus précis, surtout sur les images modifiées.',
      ],
      [
        false,
        'Il ne fonctionne qu’avec des données tabulaires',
        'Non : il excelle justement sur les images, le son et le texte.',
      ],
    ],
  ),
  question(
    'confusion-matrix',
    'evaluation',
    ['B3.2'],
    'Dans une matrice de confusion, que représente la diagonale ?',
    false,
    [
      [true, 'Les exemples bien classés', 'Exact : la vraie classe et la classe prédite sont les mêmes.'],
      [
        false,
        'Les exemples que le modèle a confondus',
        'Non : les confusions sont en dehors de la diagonale.',
      ],
      [false, 'Le nombre d’époques', 'Non : la matrice ne dit rien de l’entraînement.'],
    ],
  ),
  question(
    'output-neurons',
    'architecture',
    ['B2.3'],
    'Combien de neurones comporte la couche de sortie d’un réseau qui reconnaît les chiffres de 0 à 9 ?',
    false,
    [
      [true, '10', 'Exact : un neurone par chiffre possible, chacun donnant une probabilité.'],
      [false, '1', 'Non : un seul neurone ne peut pas donner une probabilité pour chacune des dix classes.'],
      [false, '784', 'Non : c’est le nombre de pixels d’entrée (28 × 28).'],
      [false, '64', 'Non : c’est la taille de la couche dense cachée du modèle de référence.'],
    ],
  ),
  question(
    'more-data',
    'data',
    ['B1.3', 'B3.2'],
    'Quels effets a, en général, l’augmentation du nombre d’images d’entraînement ?',
    true,
    [
      [
        true,
        'Une meilleure précision sur le test',
        'Oui : avec plus d’exemples variés, le modèle généralise mieux.',
      ],
      [true, 'Un entraînement plus long', 'Oui : chaque époque traite plus d’images.'],
      [
        false,
        'Un réseau avec plus de couches',
        'Non : l’architecture ne dépend pas de la quantité de données.',
      ],
      [
        false,
        'Plus de surapprentissage',
        'Non : c’est au contraire un des meilleurs remèdes contre le surapprentissage.',
      ],
    ],
  ),
]);
