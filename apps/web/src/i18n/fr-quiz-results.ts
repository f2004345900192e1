/** French texts of the teacher's QCM results page (/enseignant/qcm). */
export const frQuizResults = {
  title: 'Résultats du QCM',
  intro:
    'La note retenue pour chaque élève est sa meilleure tentative rendue. L’analyse des questions porte sur ces tentatives retenues : une réponse par élève. La page se met à jour toute seule.',
  summary: {
    submitted: 'Élèves ayant rendu',
    submittedValue: '{count} sur {total}',
    mean: 'Moyenne',
    median: 'Médiane',
    on20: '{value} / 20',
  },
  students: {
    title: 'Notes des élèves',
    empty: 'La classe n’a pas encore d’élèves.',
    columns: {
      student: 'Élève',
      attempts: 'Tentatives rendues',
      score: 'Note retenue',
      points: 'Points',
      submittedAt: 'Rendue le',
    },
    points: '{score} / {max}',
    inProgress: 'en cours',
    notYet: 'pas encore rendu',
  },
  questions: {
    title: 'Analyse par question',
    empty: 'Aucune tentative rendue pour l’instant : l’analyse apparaîtra avec les premières copies.',
    number: 'Question {n}',
    multiple: 'plusieurs bonnes réponses',
    answers: '{count} élève(s) interrogé(s), {blank} sans réponse',
    facility: 'Réussite',
    facilityValue: '{value} % d’élèves entièrement justes',
    facilityTone: {
      easy: 'très facile',
      hard: 'difficile',
      fine: 'bien dosée',
    },
    discrimination: 'Discrimination',
    discriminationTone: {
      good: 'sépare bien les élèves',
      weak: 'sépare peu les élèves',
      poor: 'ne sépare pas les élèves : à relire',
    },
    discriminationNone: 'non calculée (au moins {min} élèves, et des réussites comme des échecs)',
    options: 'Réponses proposées',
    optionChosen: '{count} fois ({share} %)',
    right: 'bonne réponse',
    topWrong: 'erreur la plus fréquente',
  },
  help: {
    title: 'Comment lire ces indicateurs ?',
    facility:
      'Réussite (facilité) : la part des élèves interrogés sur la question qui y ont entièrement répondu juste (sur une question à plusieurs réponses, une réponse à moitié juste ne compte pas). Au-dessus de 90 %, la question est très facile ; en dessous de 30 %, difficile.',
    options:
      'Réponses proposées : combien d’élèves ont coché chaque option. Une mauvaise option très choisie signale une idée fausse répandue, à reprendre avec la classe.',
    discrimination:
      'Discrimination : la corrélation (point-bisériale, de −1 à 1) entre réussir la question et réussir le reste du QCM. À partir de 0,3, la question distingue bien les élèves qui maîtrisent le reste ; entre 0,1 et 0,3, un peu ; en dessous de 0,1 ou négative, elle ne les distingue pas (énoncé ambigu, piège, ou bonne réponse discutable) : relisez-la.',
  },
};
