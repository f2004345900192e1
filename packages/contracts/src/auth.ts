import { z } from 'zod';
import { ZSeedMode } from './shared-training';

export const ZRole = z.enum(['student', 'teacher', 'admin']);
export type TRole = z.infer<typeof ZRole>;

export const ZLoginRequest = z.strictObject({
  // Trimmed and lower-cased *before* the format check (z.email() checks its input as it comes).
  email: z
    .string({ error: "L'adresse e-mail est obligatoire" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "L'adresse e-mail n'est pas valide" })),
  password: z
    .string({ error: 'Le mot de passe est obligatoire' })
    .min(1, { error: 'Le mot de passe est obligatoire' })
    .max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const CLASS_CODE_PATTERN = /^[A-Z0-9]{4,12}$/;

export const ZJoinRequest = z.strictObject({
  classCode: z
    .string({ error: 'Le code de classe est obligatoire' })
    .trim()
    .toUpperCase()
    .regex(CLASS_CODE_PATTERN, { error: 'Le code de classe contient 4 à 12 lettres ou chiffres' }),
  displayName: z
    .string({ error: 'Le nom affiché est obligatoire' })
    .trim()
    .min(2, { error: 'Le nom affiché doit contenir au moins 2 caractères' })
    .max(40, { error: 'Le nom affiché ne peut pas dépasser 40 caractères' })
    .regex(/^[\p{L}\p{N} .'_-]+$/u, {
      error: "Le nom affiché ne peut contenir que des lettres, chiffres, espaces et . ' _ -",
    }),
  pin: z
    .string({ error: 'Le code PIN est obligatoire' })
    .regex(/^\d{4,8}$/, { error: 'Le code PIN contient 4 à 8 chiffres' }),
});
export type TJoinRequest = z.infer<typeof ZJoinRequest>;

export const ZUser = z.object({
  id: z.uuid(),
  role: ZRole,
  displayName: z.string(),
  email: z.string().nullable(),
  classId: z.uuid().nullable(),
  className: z.string().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZAuthResponse = z.object({ token: z.string(), user: ZUser });
export type TAuthResponse = z.infer<typeof ZAuthResponse>;

export const ZClass = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  studentCount: z.number().int(),
  /** An archived class's code lets nobody join or log in; its work stays for grading and export. */
  archived: z.boolean(),
  /** The teacher's name (an admin sees every teacher's classes). */
  teacherName: z.string(),
  /** How runs without a seed of their own get one (see ZSeedMode). */
  seedMode: ZSeedMode,
});
export type TClass = z.infer<typeof ZClass>;

const className = z
  .string({ error: 'Le nom de la classe est obligatoire' })
  .trim()
  .min(2, { error: 'Le nom de la classe doit contenir au moins 2 caractères' })
  .max(60, { error: 'Le nom de la classe ne peut pas dépasser 60 caractères' });

/** POST /api/classes: a new class of the teacher, with a fresh join code. */
export const ZCreateClassRequest = z.strictObject({ name: className });
export type TCreateClassRequest = z.infer<typeof ZCreateClassRequest>;

/** PATCH /api/classes/:classId: rename, archive or bring back a class, or change how its runs are seeded. */
export const ZUpdateClassRequest = z
  .strictObject({
    name: className.optional(),
    archived: z.boolean({ error: 'archived doit valoir true ou false' }).optional(),
    seedMode: ZSeedMode.optional(),
  })
  .refine((body) => body.name !== undefined || body.archived !== undefined || body.seedMode !== undefined, {
    error: 'Indiquez un nouveau nom, archived ou seedMode',
  });
export type TUpdateClassRequest = z.infer<typeof ZUpdateClassRequest>;

/** GET /api/classes/:classId/students: the roster, as the teacher manages it. */
export const ZRosterStudent = z.object({
  id: z.uuid(),
  displayName: z.string(),
  joinedAt: z.iso.datetime(),
  runCount: z.number().int(),
  deliverableCount: z.number().int(),
});
export type TRosterStudent = z.infer<typeof ZRosterStudent>;

/** POST /api/classes/:classId/students/:studentId/pin: the new PIN, shown to the teacher once. */
export const ZPinReset = z.object({ pin: z.string().regex(/^\d{4,8}$/) });
export type TPinReset = z.infer<typeof ZPinReset>;

/** Name of the httpOnly cookie that carries the session token in browsers. */
export const SESSION_COOKIE = 'dlclass_session';

/**
 * Header every state-changing request authenticated by the session cookie must carry (the web client
 * sets it): another site cannot add a custom header without a CORS preflight, which the API refuses.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'dlclass';
