import { z } from 'zod';
import { intBetween, REFERENCE_EXPERIMENT, ZExperimentSpec } from './experiment';
import { EXPERIMENT_LIMITS as L } from './limits';
import { ZFeedback } from './rubric';

/**
 * The lesson as a class lives it: phase locks, each student's progress, the answers of every activity
 * (deliverables and worksheets) and the QCM. The content itself (pages, templates, questions) is data in
 * `@dlclass/content`; these are the shapes the API and the pages exchange.
 */

const ZActivitySlug = z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "Identifiant d'activité invalide" });

// ---------------------------------------------------------------------------------------------------------
// Lesson state: phase locks and progress

export const ZActivityProgress = z.enum(['not-started', 'in-progress', 'done']);
export type TActivityProgress = z.infer<typeof ZActivityProgress>;

export const ZPhaseState = z.object({ number: z.number().int().positive(), locked: z.boolean() });
export type TPhaseState = z.infer<typeof ZPhaseState>;

/** POST /api/classes/:classId/broadcast: a message and/or a model spec for every student of the class. */
export const ZBroadcastRequest = z
  .strictObject({
    message: z
      .string({ error: 'Le message doit être un texte' })
      .trim()
      .min(1, { error: 'Le message ne peut pas être vide' })
      .max(500, { error: 'Le message ne peut pas dépasser 500 caractères' })
      .optional(),
    spec: ZExperimentSpec.optional(),
  })
  .refine((body) => body.message !== undefined || body.spec !== undefined, {
    error: 'Écrivez un message ou joignez un modèle',
  });
export type TBroadcastRequest = z.infer<typeof ZBroadcastRequest>;

/** The teacher's latest broadcast to a class: every student sees it, and may load its model. */
export const ZBroadcast = z.object({
  message: z.string().nullable(),
  spec: ZExperimentSpec.nullable(),
  from: z.string(),
  sentAt: z.iso.datetime(),
});
export type TBroadcast = z.infer<typeof ZBroadcast>;

/** Socket.IO `lesson:broadcast`, to the class's students and teachers when the teacher broadcasts. */
export const ZBroadcastEvent = ZBroadcast.extend({ classId: z.uuid() });
export type TBroadcastEvent = z.infer<typeof ZBroadcastEvent>;

/** A student's raised hand ("lever la main"): open while neither acknowledged nor lowered. */
export const ZHand = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  raisedAt: z.iso.datetime(),
  /** When the teacher answered. */
  acknowledgedAt: z.iso.datetime().nullable(),
  /** When the student lowered it themselves. */
  loweredAt: z.iso.datetime().nullable(),
});
export type THand = z.infer<typeof ZHand>;

/** GET /api/hands/mine: the student's open hand, or null. */
export const ZMyHand = z.object({ hand: ZHand.nullable() });
export type TMyHand = z.infer<typeof ZMyHand>;

/** The size of a run: what its training time grows with (the model and the rest stay the student's). */
export const ZRunSize = z.strictObject({
  epochs: intBetween(1, L.maxEpochs, "Le nombre d'époques"),
  trainSize: intBetween(L.minTrainSize, L.maxTrainSize, "Le nombre d'images d'entraînement"),
});
export type TRunSize = z.infer<typeof ZRunSize>;

/**
 * PUT /api/classes/:classId/run-defaults: the run size a class's editor starts from, for the Hello World
 * and for the guided challenge (its model editor opened from a mission on the reference model).
 */
export const ZClassRunDefaults = z.strictObject({ hello: ZRunSize, challenge: ZRunSize });
export type TClassRunDefaults = z.infer<typeof ZClassRunDefaults>;

/**
 * A class's defaults until the teacher sets them: the Hello World trains the lesson's reference run; the
 * challenge's runs (one per mission value and student, a class's worth at once) are smaller, 3 epochs on
 * 20,000 images, which still bring the reference model to about 98 % on the test set.
 */
export const DEFAULT_CLASS_RUN_DEFAULTS: TClassRunDefaults = {
  hello: { epochs: REFERENCE_EXPERIMENT.training.epochs, trainSize: REFERENCE_EXPERIMENT.training.trainSize },
  challenge: { epochs: 3, trainSize: 20_000 },
};

/** The activities whose editor starts from the class's run size. */
export type TRunSizeActivity = keyof TClassRunDefaults;

/** GET /api/lesson (a student: their class; a teacher: `?classId=`). */
export const ZLessonState = z.object({
  lessonId: z.string(),
  classId: z.uuid(),
  phases: z.array(ZPhaseState),
  /** The teacher's latest broadcast to the class, if any. */
  broadcast: ZBroadcast.nullable(),
  /** Activity slug → the student's progress (empty for a teacher). */
  progress: z.record(z.string(), ZActivityProgress),
  /** The run size the class's editor starts from (DEFAULT_CLASS_RUN_DEFAULTS until the teacher sets it). */
  runDefaults: ZClassRunDefaults,
});
export type TLessonState = z.infer<typeof ZLessonState>;

/** GET /api/lesson's query: a teacher (or admin) names the class; a student's is their own. */
export const ZLessonQuery = z.strictObject({
  classId: z.uuid({ error: "L'identifiant de classe n'est pas valide" }).optional(),
});
export type TLessonQuery = z.infer<typeof ZLessonQuery>;

/** PUT /api/classes/:classId/phases/:number (teacher of the class). */
export const ZSetPhaseLockRequest = z.strictObject({
  locked: z.boolean({ error: 'Indiquez si la phase est verrouillée (true) ou ouverte (false)' }),
});
export type TSetPhaseLockRequest = z.infer<typeof ZSetPhaseLockRequest>;

/** Socket.IO `lesson:phases`, to the class's students and teachers whenever a lock changes. */
export const ZPhasesChangedEvent = z.object({ classId: z.uuid(), phases: z.array(ZPhaseState) });
export type TPhasesChangedEvent = z.infer<typeof ZPhasesChangedEvent>;

// ---------------------------------------------------------------------------------------------------------
// Deliverables and worksheets: one record per (student, activity), saved as drafts with a version

/**
 * The kinds of the API's `/api/deliverables/:kind` routes: the three graded deliverables and the synthesis,
 * and the two ungraded worksheets. Each is the record of one activity of the lesson (its page slug).
 */
export const WORKSHEET_ACTIVITY = {
  'observation-sheet': 'fiche-observation',
  'comparison-table': 'tableau-comparatif',
  'annotated-schema': 'schema-annote',
  synthesis: 'synthese',
  demonstrations: 'demonstrations',
  'guided-challenge': 'defi-experimentation',
} as const;
export type TWorksheetKind = keyof typeof WORKSHEET_ACTIVITY;
export const WORKSHEET_KINDS = Object.keys(WORKSHEET_ACTIVITY) as TWorksheetKind[];
export const ZWorksheetKind = z.enum(WORKSHEET_KINDS as [TWorksheetKind, ...TWorksheetKind[]]);

/** The kind of the record an activity keeps, or null for activities without one. */
export function worksheetKindOf(activity: string): TWorksheetKind | null {
  return WORKSHEET_KINDS.find((kind) => WORKSHEET_ACTIVITY[kind] === activity) ?? null;
}

export const ZDeliverableStatus = z.enum(['draft', 'submitted', 'returned', 'finalised']);
export type TDeliverableStatus = z.infer<typeof ZDeliverableStatus>;

/**
 * The answer to one field of an activity's template (the template's field kind says which form):
 * text answers and choices are strings, lists of run ids are arrays, tables, label placements
 * (slot → label), documented experiments and self-assessment grids are records.
 */
export const ZAnswerValue = z.union([
  z.string().max(10_000, { error: 'Une réponse ne peut pas dépasser 10 000 caractères' }),
  z.array(z.string().max(200)).max(50),
  z.record(
    z.string().max(80),
    z.string().max(10_000, { error: 'Une réponse ne peut pas dépasser 10 000 caractères' }),
  ),
]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;

export const ZAnswers = z
  .record(
    z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'Identifiant de champ invalide' }),
    ZAnswerValue,
  )
  .refine((answers) => Object.keys(answers).length <= 300, { error: 'Trop de champs dans ces réponses' });
export type TAnswers = z.infer<typeof ZAnswers>;

/**
 * What the platform can measure on one of the student's runs, for the `measured` fields of a template
 * (computed by the API from the run the template's `run` field points at, never typed by the student).
 */
export const ZMeasuredFact = z.enum([
  'backend',
  'device',
  'dataset',
  'trainImages',
  'validationImages',
  'testImages',
  'imageSize',
  'layerCount',
  'parameterCount',
  'epochs',
  'batchSize',
  'optimizer',
  'learningRate',
  'trainAccuracy',
  'validationAccuracy',
  'testAccuracy',
  'trainingSeconds',
  /** "8 / 10": the ten test digits shown after the run, how many the model got right. */
  'correctSamples',
  /** The digits the student drew on this run's canvas and how the model read them. */
  'drawings',
  /** Accuracy on the generalisation challenge's test images with Gaussian noise of medium strength. */
  'noisyAccuracy',
  /** The three most frequent confusions: "4 → 9 (57 fois) ; 9 → 4 (57 fois) ; …". */
  'frequentMistakes',
]);
export type TMeasuredFact = z.infer<typeof ZMeasuredFact>;

/** A value the platform measured on the student's own runs: shown read-only, marked as measured. */
export const ZMeasuredValue = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  /** Where it comes from, for the student ("Expérience « cnn-1 » du 25/11 à 10:12"). */
  source: z.string().nullable(),
});
export type TMeasuredValue = z.infer<typeof ZMeasuredValue>;

/** The result of checking label placements on the annotated schema (server-side: the key stays there). */
export const ZPlacementCheck = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  /** Slot id → whether the label placed there is right (slots without a label are absent). */
  slots: z.record(z.string(), z.boolean()),
});
export type TPlacementCheck = z.infer<typeof ZPlacementCheck>;

/** GET /api/deliverables/:activity: the student's record, or an empty draft at version 0. */
export const ZDeliverable = z.object({
  id: z.uuid().nullable(),
  activity: ZActivitySlug,
  /** True for the graded deliverables (observation sheet, comparison table, schema, synthesis). */
  submittable: z.boolean(),
  status: ZDeliverableStatus,
  /** Increases by one with every accepted save; a save must name the version it started from. */
  version: z.number().int().min(0),
  answers: ZAnswers,
  /** Field id (of a `measured` field, or `<fieldId>.<part>` for runs and experiments) → measured value. */
  measured: z.record(z.string(), ZMeasuredValue),
  placementCheck: ZPlacementCheck.nullable(),
  updatedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  returnedAt: z.iso.datetime().nullable(),
  /** The teacher's comments once the work is returned or finalised, with the grade once finalised. */
  feedback: ZFeedback.nullable(),
});
export type TDeliverable = z.infer<typeof ZDeliverable>;

/** PUT /api/deliverables/:activity: replaces the answers; 409 STALE_VERSION when `version` is not the latest. */
export const ZSaveDeliverableRequest = z.strictObject({
  version: z.number({ error: 'La version du brouillon est obligatoire' }).int().min(0),
  answers: ZAnswers,
});
export type TSaveDeliverableRequest = z.infer<typeof ZSaveDeliverableRequest>;

export const ZSaveDeliverableResponse = z.object({ version: z.number().int(), savedAt: z.iso.datetime() });
export type TSaveDeliverableResponse = z.infer<typeof ZSaveDeliverableResponse>;

/** POST /api/deliverables/:activity/submit: idempotent (submitting the submitted version again is a no-op). */
export const ZSubmitDeliverableRequest = z.strictObject({
  version: z.number({ error: 'La version du brouillon est obligatoire' }).int().min(0),
});
export type TSubmitDeliverableRequest = z.infer<typeof ZSubmitDeliverableRequest>;

/** The body of a 409 STALE_VERSION answer carries the latest version so the page can offer to reload it. */
export const ZStaleVersionDetails = z.object({ currentVersion: z.number().int() });

// ---------------------------------------------------------------------------------------------------------
// Drawings: digits the student drew on a canvas and how their model classified them

export const ZDrawingRequest = z.strictObject({
  /** 28 x 28 grey levels 0-255, row by row, as the model saw them. */
  pixels: z
    .array(z.number().int().min(0).max(255))
    .length(784, { error: 'Un dessin fait 28 x 28 = 784 pixels' }),
  /** The digit the student meant to draw, when they said. */
  intended: z.number().int().min(0).max(9).nullable(),
  predicted: z.number().int().min(0).max(9),
  probabilities: z.array(z.number().min(0).max(1)).length(10),
  /** The student agrees that the drawing joins the class's "real world" test set. */
  consent: z.boolean(),
});
export type TDrawingRequest = z.infer<typeof ZDrawingRequest>;

export const ZDrawing = ZDrawingRequest.omit({ pixels: true }).extend({
  id: z.uuid(),
  experimentId: z.uuid(),
  createdAt: z.iso.datetime(),
});
export type TDrawing = z.infer<typeof ZDrawing>;

// ---------------------------------------------------------------------------------------------------------
// QCM

export const ZCorrectionPolicy = z.enum(['after-each-attempt', 'after-last-attempt', 'when-released']);
export type TCorrectionPolicy = z.infer<typeof ZCorrectionPolicy>;

/** A class's QCM settings (teacher): GET/PUT /api/classes/:classId/quiz-settings. */
/** The fewest questions the settings may ask for (a teacher's own bank may still hold fewer). */
export const QUIZ_MIN_QUESTIONS = 5;

export const ZQuizSettings = z.strictObject({
  timeLimitMinutes: z
    .number({ error: 'La durée est obligatoire' })
    .int()
    .min(1, { error: 'La durée est d’au moins 1 minute' })
    .max(180, { error: 'La durée ne peut pas dépasser 180 minutes' }),
  maxAttempts: z
    .number({ error: 'Le nombre de tentatives est obligatoire' })
    .int()
    .min(1, { error: 'Au moins une tentative' })
    .max(10, { error: 'Au plus 10 tentatives' }),
  /** Questions drawn from the bank for each attempt (all of them when the bank holds fewer). */
  questionCount: z
    .number({ error: 'Le nombre de questions est obligatoire' })
    .int()
    .min(QUIZ_MIN_QUESTIONS, { error: `Au moins ${QUIZ_MIN_QUESTIONS} questions par tentative` })
    .max(100, { error: 'Au plus 100 questions par tentative' }),
  correction: ZCorrectionPolicy,
  /** With `when-released`: the teacher has released the correction. */
  correctionReleased: z.boolean(),
});
export type TQuizSettings = z.infer<typeof ZQuizSettings>;

export const DEFAULT_QUIZ_SETTINGS: TQuizSettings = {
  timeLimitMinutes: 20,
  maxAttempts: 1,
  questionCount: 15,
  correction: 'after-last-attempt',
  correctionReleased: false,
};

/** Answers saved after the deadline are still accepted for this long (network delays, a clock off by a few seconds). */
export const QUIZ_GRACE_SECONDS = 15;

export const ZQuizOption = z.object({ id: z.string(), text: z.string() });
export const ZQuizQuestion = z.object({
  id: z.string(),
  prompt: z.string(),
  /** Several options may be right: the page says so and shows checkboxes. */
  multiple: z.boolean(),
  /** In this attempt's own shuffled order. */
  options: z.array(ZQuizOption),
});
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

export const ZQuizAttempt = z.object({
  id: z.uuid(),
  number: z.number().int().min(1),
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  /** The server's clock when it answered, so the page's countdown does not trust the browser's clock. */
  serverNow: z.iso.datetime(),
  /** In this attempt's shuffled order. */
  questions: z.array(ZQuizQuestion),
  /** Question id → chosen option ids. */
  answers: z.record(z.string(), z.array(z.string())),
});
export type TQuizAttempt = z.infer<typeof ZQuizAttempt>;

/** PUT /api/quiz/attempt/answers/:questionId (the student's current attempt) */
/**
 * The attempt the page shows: when given, the API refuses (409 QUIZ_ATTEMPT_CHANGED) to act on a newer one,
 * e.g. started in another tab after this one was handed in.
 */
const ZAttemptShown = z.uuid({ error: 'Identifiant de tentative invalide' }).optional();

export const ZQuizAnswerRequest = z.strictObject({
  optionIds: z.array(z.string().max(80)).max(20),
  attemptId: ZAttemptShown,
});
export type TQuizAnswerRequest = z.infer<typeof ZQuizAnswerRequest>;

export const ZQuizSubmitRequest = z.strictObject({ attemptId: ZAttemptShown });
export type TQuizSubmitRequest = z.infer<typeof ZQuizSubmitRequest>;

/** The server saved the answer (the page marks it as saved only then). */
export const ZQuizAnswerResponse = z.object({ savedAt: z.iso.datetime() });
export type TQuizAnswerResponse = z.infer<typeof ZQuizAnswerResponse>;

export const ZQuizQuestionResult = z.object({
  questionId: z.string(),
  prompt: z.string(),
  multiple: z.boolean(),
  chosen: z.array(z.string()),
  /** 0 to 1 (partial credit on multiple-answer questions). */
  score: z.number(),
  /** Present when the correction may be shown: every option, whether it is right, and why. */
  correction: z
    .array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), explanation: z.string() }))
    .nullable(),
});

export const ZQuizResult = z.object({
  attemptId: z.uuid(),
  number: z.number().int(),
  submittedAt: z.iso.datetime(),
  /** Sum of the question scores. */
  score: z.number(),
  maxScore: z.number(),
  /** Out of 20, as French teachers grade. */
  scoreOn20: z.number(),
  correctionVisible: z.boolean(),
  questions: z.array(ZQuizQuestionResult),
});
export type TQuizResult = z.infer<typeof ZQuizResult>;

/** GET /api/quiz: what the QCM page needs to show before, during and after an attempt. */
export const ZQuizOverview = z.object({
  settings: ZQuizSettings.pick({
    timeLimitMinutes: true,
    maxAttempts: true,
    correction: true,
  }).extend({
    /** The questions of an attempt: the settings' count, or the whole bank when it holds fewer. */
    questionCount: z.number().int().min(1),
  }),
  attemptsUsed: z.number().int(),
  /** The attempt in progress, if any. */
  active: ZQuizAttempt.nullable(),
  /** Submitted attempts, the latest last. */
  results: z.array(ZQuizResult),
});
export type TQuizOverview = z.infer<typeof ZQuizOverview>;

/** A student's attempt that counts for the class's results: their best submitted one. */
export const ZQuizCountedScore = z.object({
  attemptId: z.uuid(),
  score: z.number(),
  maxScore: z.number(),
  scoreOn20: z.number(),
  submittedAt: z.iso.datetime(),
});
export type TQuizCountedScore = z.infer<typeof ZQuizCountedScore>;

export const ZQuizStudentResults = z.object({
  studentId: z.uuid(),
  displayName: z.string(),
  /** Submitted attempts (an expired one counts: it is finalised with the answers saved in time). */
  attempts: z.number().int(),
  /** An attempt is under way right now. */
  inProgress: z.boolean(),
  /** Null until a first attempt is submitted. */
  counted: ZQuizCountedScore.nullable(),
});
export type TQuizStudentResults = z.infer<typeof ZQuizStudentResults>;

export const ZQuizOptionAnalysis = z.object({
  id: z.string(),
  text: z.string(),
  correct: z.boolean(),
  /** Students who ticked it. */
  chosen: z.number().int(),
  /** `chosen` over the students who were asked the question, 0 to 1. */
  share: z.number(),
});
export type TQuizOptionAnalysis = z.infer<typeof ZQuizOptionAnalysis>;

export const ZQuizQuestionAnalysis = z.object({
  questionId: z.string(),
  prompt: z.string(),
  multiple: z.boolean(),
  /** Students whose counted attempt drew the question. */
  answers: z.number().int(),
  /** Of those, how many left it blank. */
  blank: z.number().int(),
  /** Share of `answers` fully right (the scoring's rule: score 1 on the question), 0 to 1. */
  facility: z.number(),
  /**
   * Point-biserial correlation, −1 to 1, between getting the question fully right and the score on the
   * attempt's other questions; null with too few students or when nobody (or everybody) got it right.
   */
  discrimination: z.number().nullable(),
  /** In the bank's order. */
  options: z.array(ZQuizOptionAnalysis),
});
export type TQuizQuestionAnalysis = z.infer<typeof ZQuizQuestionAnalysis>;

/** GET /api/classes/:classId/quiz/results: the class's QCM for its teacher. */
export const ZQuizClassResults = z.object({
  /** Every student of the class, by name, including those who never started. */
  students: z.array(ZQuizStudentResults),
  /** Over the counted scores, out of 20; null before any submitted attempt. */
  summary: z.object({
    submitted: z.number().int(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
  }),
  /** The bank's questions that some counted attempt drew, in the bank's order. */
  questions: z.array(ZQuizQuestionAnalysis),
  /** Below this many students asked a question, its discrimination is null. */
  discriminationMinStudents: z.number().int(),
});
export type TQuizClassResults = z.infer<typeof ZQuizClassResults>;
