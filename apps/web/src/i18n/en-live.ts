import type { frLive } from './fr-live';

/** English texts of the teacher's live view of a class. */
export const enLive: typeof frLive = {
  title: 'Live progress',
  intro:
    'One row per student, one column per activity. A student is online while one of their pages is open.',
  onlineCount: '{count} online',
  student: 'Student',
  lastActivity: 'Last activity',
  never: 'never',
  online: 'Online',
  offline: 'Offline',
  noStudents: 'No students in this class yet: give them the class code.',
  summaryRow: 'Done',
  summary: '{done}/{total} done',
  phase: 'Phase {number}',
  status: {
    'not-started': 'Not started',
    'in-progress': 'In progress',
    done: 'Done',
  },
  activities: {
    demonstrations: 'Demos',
    'hello-world': 'Hello World',
    'defi-experimentation': 'Challenge',
    'fiche-observation': 'Obs. sheet',
    'boite-noire': 'Black box',
    generalisation: 'Generalis.',
    anatomie: 'Anatomy',
    'tableau-comparatif': 'Table',
    'schema-annote': 'Diagram',
    qcm: 'Quiz',
    synthese: 'Summary',
  },
};
