/** French texts of the "Anatomie d'un réseau" workshop (a part of the dictionary in fr.ts). */
export const frAnatomy = {
  title: "Anatomie d'un réseau",
  intro:
    'Tout se calcule dans votre navigateur, instantanément : changez une valeur, le résultat suit. Trois étapes : un neurone seul, un petit réseau qui doit calculer le OU exclusif (XOR), puis un réseau qui apprend sous vos yeux.',
  activation: 'Activation',
  activations: { step: 'Seuil (marche)', sigmoid: 'Sigmoïde', tanh: 'Tangente hyperbolique', relu: 'ReLU' },
  neuron: {
    title: '1. Un neurone',
    intro:
      'Le neurone multiplie chaque entrée par son poids, ajoute le biais (somme pondérée z), puis applique sa fonction d’activation.',
    sum: 'Somme pondérée z = w1·x1 + w2·x2 + b',
    output: 'Sortie f(z)',
    plotLabel:
      'Le plan des entrées x1, x2 : en couleur, la sortie du neurone ; la ligne est sa frontière de décision (z = 0).',
    noLine: 'Aucune frontière dans ce carré : le neurone donne le même côté partout.',
    challengesTitle: 'À essayer',
    challenges: {
      zeros: {
        prompt: 'Mettez les deux poids à zéro. Que devient la sortie quand vous changez x1 et x2 ?',
        done: 'La sortie ne dépend plus des entrées : seul le biais décide.',
      },
      and: {
        prompt:
          'Avec l’activation « seuil », réglez poids et biais pour que le neurone ne s’active que lorsque x1 et x2 valent tous deux 1 (ET logique).',
        done: 'Bravo : le neurone calcule le ET logique sur les quatre cas (0,0), (0,1), (1,0), (1,1).',
      },
      bias: {
        prompt:
          'Faites varier le biais seul : la frontière se déplace. Le biais règle le seuil à partir duquel le neurone s’active.',
      },
      relu: {
        prompt:
          'Choisissez ReLU : une somme négative donne 0, une somme positive passe telle quelle. C’est l’activation la plus utilisée dans les couches cachées.',
      },
    },
  },
  xor: {
    title: '2. Le défi XOR',
    intro:
      'Un seul neurone ne peut pas calculer le OU exclusif : aucune droite ne sépare (0,1) et (1,0) de (0,0) et (1,1). Avec une couche cachée de trois neurones, c’est possible. Réglez les poids à la main, puis vérifiez.',
    hidden: 'Neurone caché {index}',
    outputNeuron: 'Neurone de sortie (sigmoïde)',
    weight: 'Poids de {from}',
    bias: 'Biais',
    caseShown: 'Cas affiché dans le schéma',
    check: 'Vérifier les quatre cas',
    case: 'x1 = {x1}, x2 = {x2}',
    expected: 'attendu {expected}',
    got: 'sortie {output}',
    solved: 'Défi réussi : votre réseau calcule XOR sur les quatre cas.',
    notYet:
      'Pas encore : {count} cas sur 4 sont justes. Indice : un neurone caché peut calculer le OU, un autre le ET.',
    reset: 'Tout remettre à zéro',
  },
  playground: {
    title: '3. Un réseau qui apprend',
    intro:
      'Un réseau à une couche cachée apprend à séparer deux nuages de points. Le fond montre sa réponse en chaque point ; elle est redessinée pendant l’apprentissage.',
    dataset: 'Données',
    datasets: { xor: 'XOR', circles: 'Cercles', spirals: 'Spirales', moons: 'Lunes' },
    hidden: 'Neurones cachés',
    learningRate: "Taux d'apprentissage",
    noise: 'Bruit',
    start: 'Lancer l’apprentissage',
    pause: 'Pause',
    restart: 'Recommencer',
    step: 'Étape {count}',
    loss: 'Perte',
    accuracy: 'Précision',
    lossChart: 'Perte au fil des étapes',
    share: 'Copier le lien de cette configuration',
    copied: 'Lien copié : il rouvre cette configuration.',
    stepFlat:
      'Avec l’activation « seuil », la pente est nulle partout : la descente de gradient ne peut rien apprendre.',
  },
};
