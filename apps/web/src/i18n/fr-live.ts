/** French texts of the teacher's live view of a class: who is online, each student's progress. */
export const frLive = {
  title: 'Avancement en direct',
  intro:
    'Une ligne par élève, une colonne par activité. Un élève est en ligne tant qu’une de ses pages est ouverte.',
  onlineCount: '{count} en ligne',
  student: 'Élève',
  lastActivity: 'Dernière activité',
  never: 'jamais',
  online: 'En ligne',
  offline: 'Hors ligne',
  noStudents: 'Aucun élève dans cette classe pour l’instant : donnez-leur le code de la classe.',
  summaryRow: 'Terminé',
  summary: '{done}/{total} terminé',
  phase: 'Phase {number}',
  status: {
    'not-started': 'Pas commencé',
    'in-progress': 'En cours',
    done: 'Terminé',
  },
  /** Column headings: the full title of each activity is in its tooltip. */
  activities: {
    demonstrations: 'Démos',
    'hello-world': 'Hello World',
    'defi-experimentation': 'Défi',
    'fiche-observation': 'Fiche obs.',
    'boite-noire': 'Boîte noire',
    generalisation: 'Généralis.',
    anatomie: 'Anatomie',
    'tableau-comparatif': 'Tableau',
    'schema-annote': 'Schéma',
    qcm: 'QCM',
    synthese: 'Synthèse',
  },
};
