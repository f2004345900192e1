/** French texts of shared trainings (identical runs of a class) and of the class's seed setting. */
export const frSharing = {
  reused: {
    title: 'Même entraînement déjà calculé',
    text: 'Une expérience identique de la classe (même modèle, mêmes réglages, mêmes données, même graine) est déjà terminée : voici ses résultats, aussitôt. Les refaire donnerait les mêmes.',
    retrain: 'Réentraîner quand même',
    retraining: 'Envoi…',
  },
  attached: {
    title: 'Entraînement partagé',
    text: "Une expérience identique de la classe était déjà lancée : vous suivez le même entraînement, en direct, et vous en aurez les mêmes résultats. L'annuler ne l'arrête que pour vous.",
  },
  seed: {
    title: 'Graine des entraînements',
    hint: "Les expériences qui ne fixent pas leur graine prennent celle-ci. La graine fixe le tirage des poids de départ et l'ordre des images.",
    class: 'Une graine pour toute la classe (entraînements identiques partagés)',
    student: 'Une graine par élève (résultats variés, chaque run entraîné)',
    saved: 'Enregistré.',
  },
};
