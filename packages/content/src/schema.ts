import { ZCompetence, ZMeasuredFact } from '@dlclass/contracts';
import { z } from 'zod';

/** Identifiers of content items (fields, sections, questions, options, terms): answer keys and URL-safe. */
export const ZContentId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'Identifiant invalide (minuscules, chiffres et tirets)',
});

const text = z.string().trim().min(1);

/** Adds an issue for every id seen twice; the message names the duplicate. */
function checkUnique(
  ctx: z.core.$RefinementCtx,
  items: readonly { id: string }[],
  path: (index: number) => PropertyKey[],
  what: string,
  feminine = false,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: path(index),
        message: `${what} « ${item.id} » est déjà ${feminine ? 'utilisée' : 'utilisé'}`,
      });
    }
    seen.add(item.id);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Lesson: phases and activities

export const ZActivityKind = z.enum([
  'demonstrations',
  'hello-world',
  'guided-challenge',
  'worksheet',
  'quiz',
  'workshop',
]);
export type TActivityKind = z.infer<typeof ZActivityKind>;

export const ZActivity = z.strictObject({
  /** Stable identifier, also the URL segment of the activity's page (/eleve/<slug>). */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  kind: ZActivityKind,
  /** The graded deliverable of the séance this activity produces (1 observation sheet, 2 table, 3 schema). */
  deliverable: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  title: text,
  summary: text,
  durationMinutes: z.number().int().positive(),
  competences: z.array(ZCompetence).min(1),
  /** False while the platform has no page for it yet: the student sees it, greyed out. */
  available: z.boolean(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZPhase = z.strictObject({
  number: z.number().int().positive(),
  title: text,
  durationMinutes: z.number().int().positive(),
  goal: text,
  activities: z.array(ZActivity).min(1),
});
export type TPhase = z.infer<typeof ZPhase>;

export const ZLesson = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text,
    objectives: z.array(text).min(1),
    phases: z.array(ZPhase).min(1),
  })
  .superRefine((lesson, ctx) => {
    const seen = new Set<string>();
    lesson.phases.forEach((phase, p) => {
      phase.activities.forEach((activity, a) => {
        if (seen.has(activity.slug)) {
          ctx.addIssue({
            code: 'custom',
            path: ['phases', p, 'activities', a, 'slug'],
            message: `L'identifiant d'activité « ${activity.slug} » est déjà utilisé`,
          });
        }
        seen.add(activity.slug);
      });
    });
  });
export type TLesson = z.infer<typeof ZLesson>;

// ---------------------------------------------------------------------------------------------------------
// Annotated schema: a network drawn in an SVG viewBox, numbered slots, labels to place on them

export const ZDiagram = z
  .strictObject({
    /** The SVG viewBox is `0 0 width height`. */
    width: z.number().positive(),
    height: z.number().positive(),
    /** Neurons; `layer` 0 is the input layer. */
    nodes: z
      .array(z.strictObject({ id: ZContentId, x: z.number(), y: z.number(), layer: z.number().int().min(0) }))
      .min(2),
    /** Connections, [from node id, to node id]. */
    edges: z.array(z.tuple([ZContentId, ZContentId])),
    /** Numbered places where a label goes. */
    slots: z
      .array(
        z.strictObject({ id: ZContentId, number: z.number().int().positive(), x: z.number(), y: z.number() }),
      )
      .min(1),
    /** Labels to place; `slot` is the slot the label belongs to, null for a distractor. */
    labels: z.array(z.strictObject({ id: ZContentId, text, slot: ZContentId.nullable() })).min(1),
  })
  .superRefine((diagram, ctx) => {
    checkUnique(ctx, diagram.nodes, (i) => ['nodes', i, 'id'], 'Le nœud');
    checkUnique(ctx, diagram.slots, (i) => ['slots', i, 'id'], "L'emplacement", true);
    checkUnique(ctx, diagram.labels, (i) => ['labels', i, 'id'], "L'étiquette", true);
    checkUnique(
      ctx,
      diagram.slots.map((slot) => ({ id: String(slot.number) })),
      (i) => ['slots', i, 'number'],
      'Le numéro',
    );
    const nodes = new Set(diagram.nodes.map((node) => node.id));
    diagram.edges.forEach((edge, e) => {
      edge.forEach((end, k) => {
        if (!nodes.has(end)) {
          ctx.addIssue({ code: 'custom', path: ['edges', e, k], message: `Nœud inconnu « ${end} »` });
        }
      });
    });
    const inside = (x: number, y: number) => x >= 0 && x <= diagram.width && y >= 0 && y <= diagram.height;
    for (const [key, points] of [
      ['nodes', diagram.nodes],
      ['slots', diagram.slots],
    ] as const) {
      points.forEach((point, i) => {
        if (!inside(point.x, point.y)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `« ${point.id} » est hors du dessin` });
        }
      });
    }
    const slots = new Set(diagram.slots.map((slot) => slot.id));
    const labelled = new Set<string>();
    diagram.labels.forEach((label, l) => {
      if (label.slot === null) return;
      if (!slots.has(label.slot)) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels', l, 'slot'],
          message: `L'étiquette « ${label.id} » vise un emplacement inconnu « ${label.slot} »`,
        });
      }
      labelled.add(label.slot);
    });
    diagram.slots.forEach((slot, s) => {
      if (!labelled.has(slot.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['slots', s],
          message: `Aucune étiquette ne correspond à l'emplacement « ${slot.id} »`,
        });
      }
    });
  });
export type TDiagram = z.infer<typeof ZDiagram>;

// ---------------------------------------------------------------------------------------------------------
// Templates: the fields of an activity's worksheet or deliverable

const ZOption = z.strictObject({ id: ZContentId, label: text });

/** Free text; answer: string. */
export const ZTextField = z.strictObject({
  kind: z.literal('text'),
  id: ZContentId,
  prompt: text,
  hint: text.optional(),
  rows: z.number().int().min(1).max(20),
});
/**
 * One of the student's runs, a network's unless `runKind` says classical; answer: [runId]. Measured fields and
 * cells are read from the template's first `run` field (a table column may name another).
 */
export const ZRunField = z.strictObject({
  kind: z.literal('run'),
  id: ZContentId,
  label: text,
  runKind: z.enum(['network', 'classical']).optional(),
});
/** Runs tied to a mission; answer: runId[]. */
export const ZRunsField = z.strictObject({ kind: z.literal('runs'), id: ZContentId, label: text });
/** A fact the platform measured on the template's run; no answer, shown read-only. */
export const ZMeasuredField = z.strictObject({
  kind: z.literal('measured'),
  id: ZContentId,
  label: text,
  fact: ZMeasuredFact,
});
/** A documented experiment; answer: {before: runId, after: runId, observation}. */
export const ZExperimentField = z.strictObject({
  kind: z.literal('experiment'),
  id: ZContentId,
  label: text,
});
/** A table; answer: {`${rowId}.${columnId}`: string} for the cells that are not measured. */
export const ZTableField = z.strictObject({
  kind: z.literal('table'),
  id: ZContentId,
  label: text.optional(),
  columns: z
    .array(
      ZOption.extend({
        /** The `run` field whose run this column's measured cells are read from (default: the first one). */
        run: ZContentId.optional(),
      }),
    )
    .min(1),
  rows: z
    .array(
      z.strictObject({
        id: ZContentId,
        label: text,
        /** Column id → the fact measured on the template's run for that cell. */
        measured: z.record(z.string(), ZMeasuredFact).optional(),
      }),
    )
    .min(1),
});
/** Labels to place on a diagram; answer: {slotId: labelId}. */
export const ZPlacementField = z.strictObject({
  kind: z.literal('placement'),
  id: ZContentId,
  label: text.optional(),
  diagram: ZDiagram,
});
/** A self-assessment grid; answer: {skillId: levelId}. */
export const ZGridField = z.strictObject({
  kind: z.literal('grid'),
  id: ZContentId,
  label: text.optional(),
  skills: z.array(ZOption).min(1),
  levels: z.array(ZOption).min(2),
});

export const ZField = z.discriminatedUnion('kind', [
  ZTextField,
  ZRunField,
  ZRunsField,
  ZMeasuredField,
  ZExperimentField,
  ZTableField,
  ZPlacementField,
  ZGridField,
]);
export type TField = z.infer<typeof ZField>;
export type TFieldKind = TField['kind'];
export type TTextField = z.infer<typeof ZTextField>;
export type TTableField = z.infer<typeof ZTableField>;
export type TPlacementField = z.infer<typeof ZPlacementField>;
export type TGridField = z.infer<typeof ZGridField>;

export const ZSection = z.strictObject({
  id: ZContentId,
  title: text,
  intro: text.optional(),
  fields: z.array(ZField).min(1),
});
export type TSection = z.infer<typeof ZSection>;

export const ZTemplate = z
  .strictObject({
    /** The activity's slug. */
    id: ZContentId,
    title: text,
    intro: text,
    /** Graded deliverables are submitted; worksheets are only saved. */
    submittable: z.boolean(),
    sections: z.array(ZSection).min(1),
  })
  .superRefine((template, ctx) => {
    checkUnique(ctx, template.sections, (s) => ['sections', s, 'id'], 'La section', true);
    const fields = template.sections.flatMap((section, s) =>
      section.fields.map((field, f) => ({ id: field.id, field, path: ['sections', s, 'fields', f] })),
    );
    checkUnique(ctx, fields, (i) => [...(fields[i]?.path ?? []), 'id'], 'Le champ');
    const hasRun = fields.some(({ field }) => field.kind === 'run');
    for (const { field, path } of fields) {
      if (field.kind === 'measured' && !hasRun) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `Le champ mesuré « ${field.id} » demande un champ « run » dans le modèle`,
        });
      }
      if (field.kind === 'table') {
        checkUnique(ctx, field.columns, (c) => [...path, 'columns', c, 'id'], 'La colonne', true);
        checkUnique(ctx, field.rows, (r) => [...path, 'rows', r, 'id'], 'La ligne', true);
        const runFields = new Set(fields.filter((f) => f.field.kind === 'run').map((f) => f.id));
        field.columns.forEach((column, c) => {
          if (column.run !== undefined && !runFields.has(column.run)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'columns', c, 'run'],
              message: `La colonne « ${column.id} » lit un champ « run » inconnu : « ${column.run} »`,
            });
          }
        });
        const columns = new Set(field.columns.map((column) => column.id));
        field.rows.forEach((row, r) => {
          for (const column of Object.keys(row.measured ?? {})) {
            if (!columns.has(column)) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, 'rows', r, 'measured', column],
                message: `Colonne inconnue « ${column} » dans la ligne « ${row.id} »`,
              });
            } else if (!hasRun) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, 'rows', r, 'measured', column],
                message: `La cellule mesurée « ${row.id}.${column} » demande un champ « run » dans le modèle`,
              });
            }
          }
        });
      }
      if (field.kind === 'grid') {
        checkUnique(ctx, field.skills, (i) => [...path, 'skills', i, 'id'], 'La compétence', true);
        checkUnique(ctx, field.levels, (i) => [...path, 'levels', i, 'id'], 'Le niveau');
      }
    }
  });
export type TTemplate = z.infer<typeof ZTemplate>;

// ---------------------------------------------------------------------------------------------------------
// Phase 1 pages: demonstrations and the guided challenge's missions

/** A reflection question; its id is the id of its text field in the 'demonstrations' template. */
export const ZReflectionQuestion = z.strictObject({ id: ZContentId, prompt: text, hint: text.optional() });

export const ZDemo = z.strictObject({
  id: ZContentId,
  title: text,
  /** The explanation, one paragraph per entry. */
  paragraphs: z.array(text).min(1),
  /** A live widget the page shows (the digit recognizer runs a model the project ships). */
  widget: z.enum(['digit-recognizer']).nullable(),
  examples: z.array(
    z.strictObject({
      caption: text,
      /** What the user gives (code, a sentence), shown as written. */
      input: text,
      /** What the model proposes. */
      output: text,
      format: z.enum(['code', 'text']),
    }),
  ),
  questions: z.array(ZReflectionQuestion).min(2).max(3),
});
export type TDemo = z.infer<typeof ZDemo>;

export const ZMission = z.strictObject({
  id: ZContentId,
  title: text,
  /** The part of the experiment spec the mission changes, as a path ('training.epochs', 'model.layers.0.filters'). */
  parameter: z.string().regex(/^(dataset|model|training)(\.[A-Za-z0-9]+)*$/),
  instructions: text,
  /** Values to try, the reference model's first. */
  values: z.array(z.union([z.string().min(1), z.number()])).min(2),
  question: text,
});
export type TMission = z.infer<typeof ZMission>;

// ---------------------------------------------------------------------------------------------------------
// QCM bank

export const ZQuizOptionContent = z.strictObject({
  id: ZContentId,
  text,
  correct: z.boolean(),
  /** Why this option is right or wrong: shown with the correction. */
  explanation: text,
});
export type TQuizOptionContent = z.infer<typeof ZQuizOptionContent>;

export const ZQuizQuestionContent = z
  .strictObject({
    id: ZContentId,
    prompt: text,
    /** Several options may be right (checkboxes); otherwise exactly one is. */
    multiple: z.boolean(),
    topic: ZContentId,
    competences: z.array(ZCompetence).min(1),
    options: z.array(ZQuizOptionContent).min(2).max(8),
  })
  .superRefine((question, ctx) => {
    checkUnique(ctx, question.options, (o) => ['options', o, 'id'], "L'option", true);
    const right = question.options.filter((option) => option.correct).length;
    if (!question.multiple && right !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `La question à réponse unique « ${question.id} » doit avoir exactement une bonne réponse (${right})`,
      });
    }
    if (question.multiple && (right < 1 || right === question.options.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `La question à réponses multiples « ${question.id} » doit avoir au moins une bonne et une mauvaise réponse`,
      });
    }
  });
export type TQuizQuestionContent = z.infer<typeof ZQuizQuestionContent>;

export const ZQuizBank = z
  .array(ZQuizQuestionContent)
  .min(1)
  .superRefine((bank, ctx) => checkUnique(ctx, bank, (q) => [q, 'id'], 'La question', true));

// ---------------------------------------------------------------------------------------------------------
// Glossary

export const ZGlossaryTerm = z.strictObject({
  id: ZContentId,
  term: text,
  /** Other forms linked to the term: plurals, English names ("epoch"), abbreviations. */
  aliases: z.array(text),
  definition: text,
});
export type TGlossaryTerm = z.infer<typeof ZGlossaryTerm>;

/** Lower case, accents removed, typographic apostrophes made straight: how glossary words are compared. */
export function foldForMatching(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u2018]/g, "'")
    .toLowerCase();
}

export const ZGlossary = z
  .array(ZGlossaryTerm)
  .min(1)
  .superRefine((glossary, ctx) => {
    checkUnique(ctx, glossary, (t) => [t, 'id'], 'Le terme');
    // A word may link to one term only.
    const owner = new Map<string, string>();
    glossary.forEach((term, t) => {
      for (const form of [term.term, ...term.aliases]) {
        const key = foldForMatching(form);
        const other = owner.get(key);
        if (other !== undefined && other !== term.id) {
          ctx.addIssue({
            code: 'custom',
            path: [t],
            message: `« ${form} » désigne déjà le terme « ${other} »`,
          });
        }
        owner.set(key, term.id);
      }
    });
  });

// ---------------------------------------------------------------------------------------------------------
// Personal synthesis: the self-assessment grid's skills and levels

export const ZSelfAssessmentSkill = z.strictObject({ id: ZContentId, label: text, competence: ZCompetence });
export type TSelfAssessmentSkill = z.infer<typeof ZSelfAssessmentSkill>;
