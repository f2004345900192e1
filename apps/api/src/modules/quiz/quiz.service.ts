import { randomInt } from 'node:crypto';
import {
  ErrorCode,
  QUIZ_MIN_QUESTIONS,
  type TQuizAnswerRequest,
  type TQuizAnswerResponse,
  type TQuizAttempt,
  type TQuizClassResults,
  type TQuizOverview,
  type TQuizResult,
  type TQuizSettings,
  type TQuizSubmitRequest,
} from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { type ClassAttemptRecord, QuizRepository } from './quiz.repository';
import {
  type AttemptRecord,
  bankById,
  checkAnswer,
  closesAt,
  correctionVisible,
  deadlineOf,
  isActive,
  isExpired,
  planAttempt,
  type QuizBank,
  scoreAttempt,
  scoreOn20,
  settingsOf,
  toAttemptDto,
  toResult,
} from './quiz.rules';
import { analyseQuestions, countedAttempt, DISCRIMINATION_MIN_STUDENTS, summaryOf } from './quiz-analysis';
import { QuizBankService } from './quiz-bank.service';

/** The lesson activity the QCM is (its phase's lock applies to starting an attempt). */
const QCM_ACTIVITY = 'qcm';

/** The score of a student's attempt that counts (see `countedAttempt`). */
export interface CountedScore {
  score: number;
  maxScore: number;
  submittedAt: string;
}

/** A student's QCM as it stands, expired attempts already finalised. */
interface StudentQuiz {
  classId: string;
  settings: TQuizSettings;
  /** The class's questions by id (its teacher's imported ones, or the lesson's). */
  bank: QuizBank;
  attempts: AttemptRecord[];
}

@Injectable()
export class QuizService {
  private readonly logger = createLogger(QuizService.name);

  constructor(
    private readonly repository: QuizRepository,
    private readonly access: AccessService,
    private readonly banks: QuizBankService,
  ) {}

  async getSettings(auth: AuthContext, classId: string): Promise<TQuizSettings> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    return settingsOf((await this.requireClass(classId)).quizSettings);
  }

  async setSettings(auth: AuthContext, classId: string, settings: TQuizSettings): Promise<TQuizSettings> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    await this.requireClass(classId);
    const { length } = await this.banks.bankFor(classId);
    // more questions than the bank holds is a mistake worth saying; the minimum stays allowed with a
    // teacher's bank smaller than it (each attempt then draws the whole bank)
    if (settings.questionCount > Math.max(length, QUIZ_MIN_QUESTIONS)) {
      throw new DomainError(ErrorCode.ValidationFailed, undefined, [
        {
          field: 'questionCount',
          message: `La banque ne contient que ${length} questions : choisissez-en au plus autant`,
        },
      ]);
    }
    await this.repository.saveSettings(classId, settings);
    this.logger.info({ classId, userId: auth.user.id, settings }, 'Quiz settings saved');
    return settings;
  }

  async overview(auth: AuthContext): Promise<TQuizOverview> {
    const now = new Date();
    const { settings, bank, attempts } = await this.studentQuiz(auth, now);
    const active = attempts.find((attempt) => isActive(attempt, now)) ?? null;
    const { timeLimitMinutes, maxAttempts, questionCount, correction } = settings;
    return {
      // an imported bank may hold fewer questions than the settings ask for: all of them are drawn
      settings: {
        timeLimitMinutes,
        maxAttempts,
        questionCount: Math.min(questionCount, bank.size),
        correction,
      },
      attemptsUsed: attempts.length,
      active: active && toAttemptDto(active, bank, now),
      results: this.results(settings, bank, attempts, now),
    };
  }

  /** Starts an attempt, or returns the one in progress (a second tab, a reload). */
  async start(auth: AuthContext): Promise<TQuizAttempt> {
    const now = new Date();
    const { classId, settings, bank, attempts } = await this.studentQuiz(auth, now);
    const active = attempts.find((attempt) => isActive(attempt, now));
    if (active) return toAttemptDto(active, bank, now);
    await this.access.requireActivityOpen(auth, QCM_ACTIVITY);
    if (attempts.length >= settings.maxAttempts) throw new DomainError(ErrorCode.NoAttemptsLeft);
    const seed = randomInt(2 ** 31);
    const created = await this.repository.createAttempt({
      userId: auth.user.id,
      classId,
      number: attempts.length + 1,
      seed,
      ...planAttempt([...bank.values()], settings, seed),
      startedAt: now,
      deadline: deadlineOf(now, settings),
    });
    // Started concurrently (two tabs): the attempt that won is now the active one.
    if (!created) return this.start(auth);
    this.logger.info({ attemptId: created.id, userId: auth.user.id, number: created.number }, 'Quiz started');
    return toAttemptDto(created, bank, now);
  }

  /** Saves one answer of the student's current attempt (their latest). */
  async answer(
    auth: AuthContext,
    questionId: string,
    request: TQuizAnswerRequest,
  ): Promise<TQuizAnswerResponse> {
    const attempt = await this.currentAttempt(auth, request.attemptId);
    const bank = await this.classBank(auth);
    const optionIds = checkAnswer(attempt, bank, questionId, request.optionIds);
    const now = new Date();
    const savedAt = await this.repository.saveAnswer(attempt.id, questionId, optionIds, now, (locked) =>
      isActive(locked, now),
    );
    if (savedAt) return { savedAt: savedAt.toISOString() };
    const current = await this.currentAttempt(auth);
    if (current.submittedAt) {
      throw new DomainError(
        ErrorCode.QuizTimeUp,
        'Cette tentative est déjà rendue : cette réponse n’a pas été prise en compte.',
      );
    }
    await this.finalise(current, bank, now);
    throw new DomainError(ErrorCode.QuizTimeUp);
  }

  /**
   * Submits the student's current attempt. Idempotent: once it is submitted (or finalised at its deadline),
   * submitting again gives the same result.
   */
  async submit(auth: AuthContext, request: TQuizSubmitRequest): Promise<TQuizResult> {
    const now = new Date();
    const attempt = await this.currentAttempt(auth, request.attemptId);
    if (!attempt.submittedAt) await this.finalise(attempt, await this.classBank(auth), now);
    const { settings, bank, attempts } = await this.studentQuiz(auth, now);
    const result = this.results(settings, bank, attempts, now).find((item) => item.attemptId === attempt.id);
    if (!result) throw new Error(`Quiz attempt ${attempt.id} is not among its student's submitted attempts`);
    return result;
  }

  /**
   * The class's QCM for its teacher: every student's counted score and attempts, the class's mean and median,
   * and the analysis of each question drawn.
   */
  async classResults(auth: AuthContext, classId: string): Promise<TQuizClassResults> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    await this.requireClass(classId);
    const now = new Date();
    const { bank, attempts } = await this.classAttempts(classId, now);
    const students = await this.repository.listStudents(classId);
    const counted = students.flatMap(({ id }) => countedAttempt(attempts.get(id) ?? []) ?? []);
    const countedOf = new Map(counted.map((attempt) => [attempt.userId, attempt]));
    return {
      students: students.map(({ id, displayName }) => {
        const own = attempts.get(id) ?? [];
        const best = countedOf.get(id);
        return {
          studentId: id,
          displayName,
          attempts: own.filter((attempt) => attempt.submittedAt !== null).length,
          inProgress: own.some((attempt) => isActive(attempt, now)),
          counted: best
            ? {
                attemptId: best.id,
                score: best.score,
                maxScore: best.maxScore,
                scoreOn20: scoreOn20(best.score, best.maxScore),
                submittedAt: best.submittedAt.toISOString(),
              }
            : null,
        };
      }),
      summary: summaryOf(counted),
      questions: analyseQuestions(bank, counted),
      discriminationMinStudents: DISCRIMINATION_MIN_STUDENTS,
    };
  }

  /**
   * Student id → the score that counts, for each student of the class with a submitted attempt: their best
   * submitted attempt (the QCM's settings name no other rule; see `countedAttempt`). Attempts past their
   * time are finalised first, as when the student reads their QCM. No access check here: the caller
   * (e.g. the grading export) checks the class first; an unknown class is NOT_FOUND.
   */
  async scoresByStudent(classId: string): Promise<Map<string, CountedScore>> {
    const { attempts } = await this.classAttempts(classId, new Date());
    const scores = new Map<string, CountedScore>();
    for (const [studentId, own] of attempts) {
      const best = countedAttempt(own);
      if (best) {
        const { score, maxScore, submittedAt } = best;
        scores.set(studentId, { score, maxScore, submittedAt: submittedAt.toISOString() });
      }
    }
    return scores;
  }

  /** The class's bank and its students' attempts by student; attempts past their time are finalised first. */
  private async classAttempts(
    classId: string,
    now: Date,
  ): Promise<{ bank: QuizBank; attempts: Map<string, ClassAttemptRecord[]> }> {
    const bank = bankById(await this.banks.bankFor(classId));
    const attempts = new Map<string, ClassAttemptRecord[]>();
    for (const attempt of await this.repository.listClassAttempts(classId)) {
      const current = isExpired(attempt, now)
        ? { ...attempt, ...(await this.finalise(attempt, bank, now)) }
        : attempt;
      attempts.set(attempt.userId, [...(attempts.get(attempt.userId) ?? []), current]);
    }
    return { bank, attempts };
  }

  /** The submitted attempts' results, with the correction when the class's policy shows it. */
  private results(
    settings: TQuizSettings,
    bank: QuizBank,
    attempts: AttemptRecord[],
    now: Date,
  ): TQuizResult[] {
    const submitted = attempts.filter((attempt) => attempt.submittedAt !== null);
    const visible = correctionVisible(
      settings,
      submitted.length,
      attempts.some((attempt) => isActive(attempt, now)),
    );
    return submitted.map((attempt) => toResult(attempt, bank, visible));
  }

  /** The calling student's class settings and attempts; attempts past their time are finalised first. */
  private async studentQuiz(auth: AuthContext, now: Date): Promise<StudentQuiz> {
    const { id, classId } = requireStudent(auth);
    const klass = await this.requireClass(classId);
    const bank = bankById(await this.banks.bankFor(classId));
    const attempts = await Promise.all(
      (await this.repository.listAttempts(id)).map((attempt) =>
        isExpired(attempt, now) ? this.finalise(attempt, bank, now) : attempt,
      ),
    );
    return { classId, settings: settingsOf(klass.quizSettings), bank, attempts };
  }

  /** The questions of the calling student's class. */
  private async classBank(auth: AuthContext): Promise<QuizBank> {
    return bankById(await this.banks.bankFor(requireStudent(auth).classId));
  }

  /** The student's latest attempt: the one the page answers and submits (only ever their own). */
  /** The student's latest attempt; `shown`: the one their page shows, which must still be it. */
  private async currentAttempt(auth: AuthContext, shown?: string): Promise<AttemptRecord> {
    const attempt = await this.repository.findLatestAttempt(requireStudent(auth).id);
    if (!attempt) {
      throw new DomainError(ErrorCode.NotFound, 'Aucune tentative de QCM : commencez-en une d’abord.');
    }
    if (shown !== undefined && shown !== attempt.id) throw new DomainError(ErrorCode.QuizAttemptChanged);
    return attempt;
  }

  /** Scores the attempt with the answers saved in time; one past its time is dated when it closed. */
  private async finalise(attempt: AttemptRecord, bank: QuizBank, now: Date): Promise<AttemptRecord> {
    const expired = isExpired(attempt, now);
    const finalised = await this.repository.finalise(
      attempt.id,
      expired ? closesAt(attempt) : now,
      (locked) => scoreAttempt(locked, bank),
    );
    this.logger.info(
      { attemptId: attempt.id, score: finalised.score, maxScore: finalised.maxScore, expired },
      'Quiz attempt submitted',
    );
    return finalised;
  }

  private async requireClass(classId: string) {
    const klass = await this.repository.findClass(classId);
    if (!klass) throw new DomainError(ErrorCode.NotFound);
    return klass;
  }
}

/** The QCM is taken by students, in their class. */
function requireStudent(auth: AuthContext): { id: string; classId: string } {
  const { user } = auth;
  if (user.role !== 'student' || !user.classId) {
    throw new DomainError(ErrorCode.Forbidden, 'Le QCM se passe avec un compte élève.');
  }
  return { id: user.id, classId: user.classId };
}
