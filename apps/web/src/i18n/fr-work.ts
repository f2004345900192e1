/** French texts of the work pages (a part of the dictionary in fr.ts, kept apart so that areas do not collide). */
export const frWork = {
  backHome: '← Mes activités',
  save: {
    saved: 'Enregistré à {time}',
    nothingYet: 'Rien à enregistrer pour l’instant',
    pending: 'Modifications en attente d’enregistrement…',
    saving: 'Enregistrement…',
    offline: 'Hors connexion : vos réponses sont gardées et seront envoyées au retour du réseau.',
    failed: 'Échec de l’enregistrement : {message}',
    fixFields: 'Certaines réponses n’ont pas été acceptées : corrigez les champs signalés.',
    loadFailed: 'Impossible de charger vos réponses : {message}',
  },
  stale: {
    title: 'Une version plus récente existe',
    body: 'Cette fiche a été modifiée ailleurs (un autre onglet ou un autre appareil). Pour ne rien écraser, vos dernières modifications n’ont pas été envoyées : elles restent affichées ci-dessous.',
    reload: 'Recharger la dernière version',
    copy: 'Copier mes réponses non enregistrées',
    copied: 'Réponses copiées dans le presse-papiers.',
  },
  discarded: {
    title: 'Vos réponses non enregistrées',
    body: 'La dernière version est chargée. Voici ce que vous aviez écrit sans que ce soit enregistré : recopiez ce qui vous est utile.',
    dismiss: 'Masquer',
  },
  submit: {
    button: 'Rendre le livrable',
    submitting: 'Envoi…',
    hint: 'Une fois rendu, le livrable n’est plus modifiable, sauf si votre enseignant·e vous le renvoie.',
    submitted:
      'Livrable rendu le {date}. Il n’est plus modifiable, sauf si votre enseignant·e vous le renvoie.',
    finalised: 'Livrable finalisé par votre enseignant·e : il n’est plus modifiable.',
    returned:
      'Votre enseignant·e vous a renvoyé ce livrable le {date} : vous pouvez le compléter puis le rendre à nouveau.',
    worksheet: 'Vos réponses sont enregistrées automatiquement : il n’y a rien à rendre.',
  },
  fields: {
    measured: 'mesuré',
    measuredTitle: 'Mesuré par la plateforme sur vos entraînements : non modifiable',
    source: 'Source : {source}',
    notMeasured: 'Pas encore mesuré : choisissez un entraînement terminé.',
    chooseRun: '— Choisir un entraînement —',
    noRuns: 'Vous n’avez pas encore d’entraînement : lancez-en un depuis le Hello World.',
    runsLoading: 'Chargement de vos entraînements…',
    runOption: '{name} · {date} · {accuracy}',
    runNotFinished: '{name} · {date} · {status}',
    noAccuracy: 'pas de précision',
    runsCount: '{count} entraînement(s) choisi(s)',
    experiment: {
      before: 'Entraînement avant le changement',
      after: 'Entraînement après le changement',
      parameter: 'Paramètre modifié',
      oldValue: 'Ancienne valeur',
      newValue: 'Nouvelle valeur',
      beforeAccuracy: 'Précision test avant',
      afterAccuracy: 'Précision test après',
      observation: 'Observation',
      observationHint: 'Ce que vous avez constaté, et votre explication.',
    },
    table: {
      rowHeader: 'Critère',
      cell: '{row} — {column}',
    },
    grid: {
      skill: 'Compétence',
    },
    characters: '{count} / {max} caractères',
    seconds: '{value} s',
  },
  schema: {
    instructions:
      'Faites glisser chaque étiquette sur un emplacement. Au clavier : Entrée sur une étiquette la choisit et mène aux emplacements, les flèches passent d’un emplacement à l’autre, Entrée y dépose l’étiquette, Échap annule.',
    diagramTitle:
      'Schéma d’un réseau de neurones : couche d’entrée à gauche, deux couches cachées, couche de sortie à droite, et des emplacements numérotés à compléter.',
    labelsTitle: 'Étiquettes à placer',
    allPlaced: 'Toutes les étiquettes sont placées. Vous pouvez encore les déplacer.',
    slotsTitle: 'Emplacements',
    empty: 'vide',
    slotEmpty: 'Emplacement {number} : vide',
    slotFilled: 'Emplacement {number} : {label}',
    removeLabel: 'Retirer « {label} » de l’emplacement {number}',
    picked:
      'Étiquette « {label} » choisie : choisissez un emplacement avec les flèches puis appuyez sur Entrée (Échap pour annuler).',
    placed: '« {label} » placée sur l’emplacement {number}.',
    replaced:
      '« {label} » placée sur l’emplacement {number} ; « {previous} » retourne dans les étiquettes à placer.',
    removed: '« {label} » retirée de l’emplacement {number}.',
    cancelled: 'Choix annulé.',
    check: 'Vérifier',
    checking: 'Vérification…',
    score: '{correct} / {total} étiquettes bien placées',
    right: 'juste',
    wrong: 'à revoir',
  },
  pages: {
    notFound: 'Cette activité n’a pas encore de modèle de fiche.',
  },
};
