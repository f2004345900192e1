import { z } from 'zod';
import { type TSelfAssessmentSkill, ZSelfAssessmentSkill } from './schema';

/** The skills of the personal synthesis's self-assessment grid, each tied to the competence it evidences. */
export const SELF_ASSESSMENT: TSelfAssessmentSkill[] = z.array(ZSelfAssessmentSkill).parse([
  { id: 'datasets', label: 'Préparer et décrire un jeu de données d’images', competence: 'B1.3' },
  {
    id: 'train-network',
    label: 'Entraîner un réseau de neurones et suivre son apprentissage',
    competence: 'B2.2',
  },
  { id: 'tune-model', label: 'Modifier un hyperparamètre et mesurer son effet', competence: 'B2.2' },
  { id: 'evaluate-model', label: 'Évaluer un modèle (précision, matrice de confusion)', competence: 'B3.2' },
  { id: 'detect-overfitting', label: 'Repérer le surapprentissage sur les courbes', competence: 'B3.2' },
  { id: 'explain-network', label: 'Expliquer le fonctionnement d’un réseau de neurones', competence: 'B2.3' },
  { id: 'compare-ml-dl', label: 'Comparer Machine Learning classique et Deep Learning', competence: 'B3.2' },
]);

export const SELF_ASSESSMENT_LEVELS = [
  { id: 'debutant', label: 'Débutant' },
  { id: 'intermediaire', label: 'Intermédiaire' },
  { id: 'avance', label: 'Avancé' },
];
