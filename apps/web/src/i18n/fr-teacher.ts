/** French texts of the teacher's tools (a part of the dictionary in fr.ts, kept apart so that areas do not collide). */
export const frTeacher = {
  nav: {
    label: 'Pages de l’enseignant',
    dashboard: 'Séance en direct',
    grading: 'Correction',
    quiz: 'Résultats du QCM',
    wall: 'Mur des expériences',
    class: 'Classe',
  },
  hands: {
    title: 'Mains levées ({count})',
    none: 'Aucune main levée.',
    answer: 'J’arrive',
  },
  classes: {
    newName: 'Nouvelle classe',
    create: 'Créer la classe',
    name: 'Nom de la classe',
    rename: 'Renommer',
    newCode: 'Nouveau code',
    newCodeConfirm:
      'Donner un nouveau code à la classe ? Le code {code} ne permettra plus de la rejoindre (les élèves déjà inscrits restent).',
    archive: 'Archiver',
    unarchive: 'Désarchiver',
    archivedNotice:
      'Classe archivée : son code ne permet plus de la rejoindre ni de se reconnecter. Les travaux restent consultables.',
    archivedBadge: 'archivée',
    rosterTitle: 'Élèves ({count})',
    noStudents: 'Aucun élève pour l’instant : donnez-leur le code {code}.',
    columns: { name: 'Élève', joined: 'Arrivée', runs: 'Entraînements', work: 'Travaux', actions: 'Actions' },
    resetPin: 'Nouveau PIN',
    newPin: 'Nouveau code PIN de {name} : {pin}. Notez-le : il ne sera plus affiché.',
    remove: 'Retirer',
    removeConfirm:
      'Retirer {name} de la classe ? Ses entraînements et ses travaux seront supprimés définitivement.',
    removed: '{name} a été retiré·e de la classe.',
  },
  quizImport: {
    title: 'QCM de la classe',
    intro:
      'Réglez le QCM de chaque classe. Les élèves passent le QCM de la séance, ou le vôtre : écrivez-le en Markdown puis importez-le. Ses questions ne peuvent plus changer une fois qu’un élève l’a commencé.',
    questionsHeading: 'Questions',
    defaultSource: 'QCM de la séance : {count} questions.',
    importedSource: 'Votre QCM : {count} questions importées.',
    label: 'Votre QCM en Markdown',
    helpTitle: 'Comment écrire le QCM',
    help: {
      headings: 'Chaque question commence par un titre : « ## Ma question ? » (#, ## ou ###).',
      options:
        'Chaque option est une ligne « - [ ] mauvaise réponse » ou « - [x] bonne réponse ». Cochez-en plusieurs pour une question à réponses multiples.',
      optionExplanation: 'Une ligne « > … » juste sous une option explique cette option.',
      questionExplanation:
        'Un paragraphe après les options explique la question (pour les options sans explication).',
      limits: 'De 2 à 8 options par question, 100 questions au plus.',
    },
    exampleTitle: 'Exemple',
    example: `## Qu'est-ce qu'une époque ?

- [ ] Une couche du réseau
  > Non : les couches forment l'architecture du réseau.
- [x] Un passage complet sur les données d'entraînement
- [ ] La durée de l'entraînement

Une époque est un passage complet du réseau sur toutes les données d'entraînement.

## Quels éléments appartiennent à un neurone ?

- [x] Des poids
- [x] Un biais
- [ ] Le jeu de données
`,
    useExample: 'Partir de l’exemple',
    import: 'Importer',
    importing: 'Import…',
    reset: 'Revenir au QCM par défaut',
    resetting: 'Retour au QCM par défaut…',
    imported: '{count} questions importées.',
    resetDone: 'La classe repasse au QCM de la séance.',
    errorsTitle: 'Le QCM n’a pas été importé : corrigez ces lignes.',
    questionsTitle: 'Questions comprises',
    multiple: 'plusieurs réponses',
    optionCount: '{count} options',
  },
  quizSettings: {
    title: 'Réglages',
    timeLimitMinutes: 'Durée (minutes)',
    maxAttempts: 'Tentatives par élève',
    questionCount: 'Questions par tentative',
    between: 'De {min} à {max}.',
    correction: 'Correction visible',
    policy: {
      'after-each-attempt': 'après chaque tentative',
      'after-last-attempt': 'après la dernière tentative de l’élève',
      'when-released': 'quand je la publie',
    },
    released: 'Publier la correction : les élèves qui ont rendu le QCM la voient.',
    save: 'Enregistrer les réglages',
    saving: 'Enregistrement…',
    saved:
      'Réglages enregistrés. La durée et le nombre de questions valent pour les prochaines tentatives ; le reste s’applique tout de suite.',
  },
};
