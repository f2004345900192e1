import {
  type TCompetence,
  type TRubricCriterion,
  type TWorksheetKind,
  WORKSHEET_ACTIVITY,
  WORKSHEET_KINDS,
} from '@dlclass/contracts';
import { SEANCE_1 } from './seance-1';
import { TEMPLATES } from './templates';

const criterion = (
  id: string,
  label: string,
  points: number,
  competence: TCompetence | null,
  description = '',
): TRubricCriterion => ({ id, label, points, competence, description });

/**
 * The lesson's rubric for each graded deliverable, used by every class until its teacher writes their own.
 * Each criterion names the competence it evidences, so a grade's breakdown reads per competence too.
 */
export const DEFAULT_RUBRICS: Partial<Record<TWorksheetKind, TRubricCriterion[]>> = {
  'observation-sheet': [
    criterion('data', 'Données décrites et normalisation expliquée', 3, 'B1.3', 'Sections 1 et 2'),
    criterion('model', 'Rôle des couches expliqué', 3, 'B2.2', 'Section 3'),
    criterion('training', 'Courbes interprétées (surapprentissage, époques)', 4, 'B3.2', 'Section 4'),
    criterion('evaluation', 'Erreurs du modèle analysées, dessins compris', 4, 'B3.2', 'Sections 5 et 6'),
    criterion('experiments', 'Deux expériences menées et documentées', 4, 'B2.2', 'Section 7'),
    criterion('conclusion', 'Conclusion et glossaire personnel', 2, null, 'Sections 8 et 9'),
  ],
  'comparison-table': [
    criterion('measures', 'Mesures relevées sur les deux modèles', 6, 'B3.2'),
    criterion('criteria', 'Critères qualitatifs argumentés', 8, 'B3.2'),
    criterion('conclusions', 'Conclusions justifiées par les mesures', 6, 'B3.2'),
  ],
  'annotated-schema': [
    criterion('labels', 'Étiquettes bien placées sur le schéma', 5, 'B2.3'),
    criterion('answers', 'Réponses aux questions', 5, 'B2.3'),
  ],
  synthesis: [
    criterion('reflection', 'Bilan personnel argumenté', 6, 'B2.2'),
    criterion('self-assessment', 'Auto-évaluation sincère et justifiée', 4, null),
  ],
};

/** The deliverables a teacher grades: those students hand in (the other worksheets are only saved). */
export const GRADED_KINDS = WORKSHEET_KINDS.filter(
  (kind) => TEMPLATES[WORKSHEET_ACTIVITY[kind]]?.submittable === true,
);

/** The competences the activity assesses (from the lesson), the levels a grade of it may set. */
export function competencesOf(activity: string): TCompetence[] {
  const found = SEANCE_1.phases.flatMap((phase) => phase.activities).find((a) => a.slug === activity);
  return found ? [...found.competences] : [];
}
