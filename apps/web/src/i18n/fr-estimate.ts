/** French texts of the launch-time estimates: before the click, beside the real times, for a class. */
export const frEstimate = {
  /** A duration as a reader says it: "40 s", "2 min 10", "1 h 05". */
  duration: {
    seconds: '{seconds} s',
    minutes: '{minutes} min {seconds}',
    wholeMinutes: '{minutes} min',
    hours: '{hours} h {minutes}',
  },
  launch: {
    startsNow: '≈ {duration}, début immédiat',
    startsIn: '≈ {duration}, début dans ~{wait}',
    noWorker: '≈ {duration} ; aucun serveur d’entraînement n’est en marche pour l’instant',
    attached: '{estimate} — entraînement identique déjà lancé par la classe',
    reused: 'Immédiat : même entraînement déjà calculé par la classe',
    prior: 'Estimation grossière : aucun entraînement n’a encore été mesuré sur ce serveur.',
    measured: 'D’après la vitesse mesurée des serveurs d’entraînement.',
    pending: 'Estimation de la durée…',
    failed: 'Durée estimée indisponible pour l’instant.',
  },
  details: {
    title: 'Estimé avant le lancement, et réel',
    duration: 'Durée — estimée : {estimated} · réelle : {real}',
    wait: 'Attente avant le début — estimée : {estimated} · réelle : {real}',
    pending: 'en cours',
    noWorker: 'aucun serveur en marche',
    prior: 'Estimation grossière (aucun entraînement encore mesuré).',
  },
  classTime: {
    title: 'Taille des entraînements de la classe',
    intro:
      'Le nombre d’époques et d’images d’entraînement par lequel démarre l’éditeur de vos élèves. Plus ils sont petits, plus vite toute la classe a ses résultats.',
    hello: 'Hello World',
    challenge: 'Défi guidé',
    epochs: 'Époques',
    trainSize: 'Images d’entraînement',
    between: 'Entre {min} et {max}',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Taille enregistrée : l’éditeur des élèves démarre désormais ainsi.',
    oneRun: 'Un entraînement (modèle de référence) : ≈ {duration}.',
    shared:
      'Avec une graine pour toute la classe, ce run identique est entraîné une seule fois pour tous : la classe a ses résultats en ≈ {duration}.',
    everyone:
      'Si chaque élève entraîne le sien (effectif : {students} ; entraînements simultanés : {slots}) : ≈ {duration} pour toute la classe.',
    noWorker:
      'Aucun serveur d’entraînement n’est en marche : le temps de la classe ne peut pas être estimé (un entraînement seul : ≈ {duration}).',
    prior: 'Estimation grossière tant qu’aucun entraînement n’a été mesuré sur ce serveur.',
  },
};
