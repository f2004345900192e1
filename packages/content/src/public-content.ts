import { DEMOS } from './demos';
import { GLOSSARY } from './glossary';
import { MISSIONS } from './missions';
import type {
  TDemo,
  TDiagram,
  TField,
  TGlossaryTerm,
  TLesson,
  TMission,
  TSection,
  TSelfAssessmentSkill,
  TTemplate,
} from './schema';
import { SEANCE_1 } from './seance-1';
import { SELF_ASSESSMENT, SELF_ASSESSMENT_LEVELS } from './self-assessment';
import { TEMPLATES } from './templates';

/** A diagram as a student sees it: the labels to place, not the slot each one belongs to. */
export type TPublicDiagram = Omit<TDiagram, 'labels'> & { labels: { id: string; text: string }[] };
export type TPublicField =
  | Exclude<TField, { kind: 'placement' }>
  | (Omit<Extract<TField, { kind: 'placement' }>, 'diagram'> & { diagram: TPublicDiagram });
export type TPublicSection = Omit<TSection, 'fields'> & { fields: TPublicField[] };
export type TPublicTemplate = Omit<TTemplate, 'sections'> & { sections: TPublicSection[] };

/** GET /api/content: everything of the lesson a browser may see; the QCM bank is not part of it. */
export interface TPublicContent {
  lesson: TLesson;
  templates: Record<string, TPublicTemplate>;
  demos: TDemo[];
  missions: TMission[];
  glossary: TGlossaryTerm[];
  selfAssessment: { skills: TSelfAssessmentSkill[]; levels: { id: string; label: string }[] };
}

function publicField(field: TField): TPublicField {
  if (field.kind !== 'placement') return field;
  const labels = field.diagram.labels.map(({ id, text }) => ({ id, text }));
  return { ...field, diagram: { ...field.diagram, labels } };
}

function publicTemplate(template: TTemplate): TPublicTemplate {
  return {
    ...template,
    sections: template.sections.map((section) => ({ ...section, fields: section.fields.map(publicField) })),
  };
}

export const PUBLIC_CONTENT: TPublicContent = {
  lesson: SEANCE_1,
  templates: Object.fromEntries(
    Object.entries(TEMPLATES).map(([slug, template]) => [slug, publicTemplate(template)]),
  ),
  demos: DEMOS,
  missions: MISSIONS,
  glossary: GLOSSARY,
  selfAssessment: { skills: SELF_ASSESSMENT, levels: SELF_ASSESSMENT_LEVELS },
};
