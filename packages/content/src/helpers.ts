import type { TAnswers, TAnswerValue, TFieldError, TPlacementCheck, TQuizQuestion } from '@dlclass/contracts';
import { z } from 'zod';
import { GLOSSARY } from './glossary';
import {
  foldForMatching,
  type TField,
  type TGlossaryTerm,
  type TPlacementField,
  type TQuizQuestionContent,
  type TTemplate,
} from './schema';
import { TEMPLATES } from './templates';

// ---------------------------------------------------------------------------------------------------------
// Templates and answers

/** The template of an activity (its slug), or null when the activity has none. */
export function templateFor(slug: string): TTemplate | null {
  return Object.hasOwn(TEMPLATES, slug) ? (TEMPLATES[slug] ?? null) : null;
}

export function templateFields(template: TTemplate): TField[] {
  return template.sections.flatMap((section) => section.fields);
}

/** The ids of the template's free-text fields (a worksheet is done when all of them are answered). */
export function textFieldIds(template: TTemplate): string[] {
  return templateFields(template)
    .filter((field) => field.kind === 'text')
    .map((field) => field.id);
}

const isRunId = (value: string) => z.uuid().safeParse(value).success;
const EXPERIMENT_PARTS = new Set(['before', 'after', 'observation']);

/** What is wrong with one answer for its field, as French messages keyed by sub-path ('' = the answer itself). */
function answerProblems(field: TField, value: TAnswerValue): [string, string][] {
  const isRecord = typeof value === 'object' && !Array.isArray(value);
  const badRuns = (runs: string[]) =>
    runs
      .filter((run) => !isRunId(run))
      .map((run): [string, string] => ['', `« ${run} » n'est pas une expérience`]);
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? [] : [['', 'La réponse doit être un texte']];
    case 'measured':
      return [['', 'Cette valeur est mesurée par la plateforme : elle ne se saisit pas']];
    case 'run':
      if (!Array.isArray(value) || value.length > 1) return [['', 'Choisissez une seule expérience']];
      return badRuns(value);
    case 'runs':
      if (!Array.isArray(value)) return [['', 'La réponse doit être une liste d’expériences']];
      if (new Set(value).size !== value.length) return [['', 'Une expérience est citée deux fois']];
      return badRuns(value);
    case 'experiment':
      if (!isRecord) return [['', 'L’expérience documentée doit indiquer avant, après et observation']];
      return Object.entries(value).flatMap(([part, v]): [string, string][] => {
        if (!EXPERIMENT_PARTS.has(part)) return [[part, `Partie inconnue « ${part} »`]];
        return part !== 'observation' && !isRunId(v) ? [[part, `« ${v} » n'est pas une expérience`]] : [];
      });
    case 'table': {
      if (!isRecord) return [['', 'Le tableau doit être un ensemble de cellules']];
      const editable = new Set(
        field.rows.flatMap((row) =>
          field.columns
            .filter((column) => !row.measured?.[column.id])
            .map((column) => `${row.id}.${column.id}`),
        ),
      );
      return Object.keys(value)
        .filter((cell) => !editable.has(cell))
        .map((cell) => [cell, `Cellule inconnue ou mesurée « ${cell} »`]);
    }
    case 'placement': {
      if (!isRecord) return [['', 'Les étiquettes placées doivent associer un emplacement à une étiquette']];
      const slots = new Set(field.diagram.slots.map((slot) => slot.id));
      const labels = new Set(field.diagram.labels.map((label) => label.id));
      const used = new Set<string>();
      return Object.entries(value).flatMap(([slot, label]): [string, string][] => {
        if (!slots.has(slot)) return [[slot, `Emplacement inconnu « ${slot} »`]];
        if (!labels.has(label)) return [[slot, `Étiquette inconnue « ${label} »`]];
        if (used.has(label)) return [[slot, `L’étiquette « ${label} » est déjà placée ailleurs`]];
        used.add(label);
        return [];
      });
    }
    case 'grid': {
      if (!isRecord) return [['', 'La grille doit associer une compétence à un niveau']];
      const skills = new Set(field.skills.map((skill) => skill.id));
      const levels = new Set(field.levels.map((level) => level.id));
      return Object.entries(value).flatMap(([skill, level]): [string, string][] => {
        if (!skills.has(skill)) return [[skill, `Compétence inconnue « ${skill} »`]];
        return levels.has(level) ? [] : [[skill, `Niveau inconnu « ${level} »`]];
      });
    }
  }
}

/**
 * The answers without the table cells the template now measures: a draft written before a cell became
 * measured keeps everything else, instead of being refused for a cell the student no longer sees.
 */
export function withoutMeasuredCells(template: TTemplate, answers: TAnswers): TAnswers {
  const cleaned: TAnswers = { ...answers };
  for (const field of templateFields(template)) {
    const value = cleaned[field.id];
    if (field.kind !== 'table' || typeof value !== 'object' || value === null || Array.isArray(value))
      continue;
    const measured = new Set(
      field.rows.flatMap((row) => Object.keys(row.measured ?? {}).map((column) => `${row.id}.${column}`)),
    );
    cleaned[field.id] = Object.fromEntries(Object.entries(value).filter(([cell]) => !measured.has(cell)));
  }
  return cleaned;
}

/**
 * Checks that answers fit the template: known field ids and the form each field kind expects (drafts may
 * leave anything out). Whether run ids belong to the student is for the API to check.
 */
export function validateAnswers(template: TTemplate, answers: TAnswers): TFieldError[] {
  const fields = new Map(templateFields(template).map((field) => [field.id, field]));
  return Object.entries(answers).flatMap(([id, value]) => {
    const field = fields.get(id);
    if (!field) return [{ field: `answers.${id}`, message: `Champ inconnu « ${id} »` }];
    return answerProblems(field, value).map(([sub, message]) => ({
      field: sub ? `answers.${id}.${sub}` : `answers.${id}`,
      message,
    }));
  });
}

/** Scores label placements on the annotated schema (slots left empty count as wrong in `correct`/`total`). */
export function checkPlacements(field: TPlacementField, placements: Record<string, string>): TPlacementCheck {
  const belongsTo = new Map(field.diagram.labels.map((label) => [label.id, label.slot]));
  const slots: Record<string, boolean> = {};
  for (const slot of field.diagram.slots) {
    const label = placements[slot.id];
    if (label !== undefined) slots[slot.id] = belongsTo.get(label) === slot.id;
  }
  return {
    correct: Object.values(slots).filter(Boolean).length,
    total: field.diagram.slots.length,
    slots,
  };
}

// ---------------------------------------------------------------------------------------------------------
// QCM

/**
 * 0 to 1. Single answer: 1 iff exactly the right option is chosen. Multiple answers: right ticks earn,
 * wrong ticks cost in proportion (max(0, TP/k − FP/(n−k))), so ticking everything scores 0.
 */
export function scoreQuestion(question: TQuizQuestionContent, chosen: readonly string[]): number {
  const picked = new Set(chosen);
  const right = question.options.filter((option) => option.correct);
  const wrong = question.options.filter((option) => !option.correct);
  const truePositives = right.filter((option) => picked.has(option.id)).length;
  const falsePositives = wrong.filter((option) => picked.has(option.id)).length;
  if (!question.multiple) return truePositives === 1 && falsePositives === 0 ? 1 : 0;
  const score = truePositives / right.length - (wrong.length ? falsePositives / wrong.length : 0);
  return Math.max(0, score);
}

/** mulberry32: a small, fast 32-bit generator; the same seed always gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A new array with the items in an order that depends only on the seed (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** FNV-1a: a question's own shuffle seed, so its option order does not depend on its place in the draw. */
function hashString(value: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < value.length; i++) {
    hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/** `count` questions of the bank (all of them if it has fewer) in a seeded order, each with shuffled options. */
export function drawQuiz(
  bank: readonly TQuizQuestionContent[],
  count: number,
  seed: number,
): TQuizQuestionContent[] {
  return seededShuffle(bank, seed)
    .slice(0, Math.max(0, count))
    .map((question) => ({
      ...question,
      options: seededShuffle(question.options, hashString(question.id, seed)),
    }));
}

/** What the student may see of a question before the correction: no `correct`, no explanation. */
export function publicQuestion(question: TQuizQuestionContent): TQuizQuestion {
  return {
    id: question.id,
    prompt: question.prompt,
    multiple: question.multiple,
    options: question.options.map((option) => ({ id: option.id, text: option.text })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Glossary links

export type TGlossarySegment = { text: string; termId: string | null };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The folded text and, for each folded character, the index of the original character it comes from. */
function foldWithIndex(value: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of value) {
    const part = foldForMatching(char);
    folded += part;
    for (let k = 0; k < part.length; k++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

const patternsCache = new WeakMap<readonly TGlossaryTerm[], { form: string; termId: string }[]>();

function patternsOf(glossary: readonly TGlossaryTerm[]): { form: string; termId: string }[] {
  let patterns = patternsCache.get(glossary);
  if (!patterns) {
    patterns = glossary
      .flatMap((term) =>
        [term.term, ...term.aliases].map((form) => ({ form: foldForMatching(form), termId: term.id })),
      )
      .sort((a, b) => b.form.length - a.form.length);
    patternsCache.set(glossary, patterns);
  }
  return patterns;
}

/**
 * Splits a text into segments, those that name a glossary term (its term or an alias, ignoring case and
 * accents, whole words only, the longest form first) carrying the term's id, for the pages to link them.
 */
export function findGlossaryTerms(
  text: string,
  glossary: readonly TGlossaryTerm[] = GLOSSARY,
): TGlossarySegment[] {
  const { folded, origin } = foldWithIndex(text);
  const patterns = patternsOf(glossary);
  const isWordAt = (i: number) => i >= 0 && i < folded.length && WORD_CHAR.test(folded[i] as string);
  const segments: TGlossarySegment[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < folded.length) {
    const match = isWordAt(i - 1)
      ? undefined
      : patterns.find(({ form }) => folded.startsWith(form, i) && !isWordAt(i + form.length));
    if (!match) {
      i++;
      continue;
    }
    const start = origin[i] as number;
    const end = origin[i + match.form.length] as number;
    if (start > plainFrom) segments.push({ text: text.slice(plainFrom, start), termId: null });
    segments.push({ text: text.slice(start, end), termId: match.termId });
    plainFrom = end;
    i += match.form.length;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), termId: null });
  return segments;
}
