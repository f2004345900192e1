import { parseQuizMarkdown, QUIZ_BANK, type TQuizQuestionContent, ZQuizBank } from '@dlclass/content';
import { ErrorCode, type TQuizBankState } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { QuizBankRepository } from './quiz-bank.repository';

/** What `Class.quizBank` holds: the teacher's Markdown and the questions read from it. */
const ZStoredBank = z.object({ markdown: z.string(), questions: ZQuizBank });
type StoredBank = z.infer<typeof ZStoredBank>;

/** Each class's QCM questions: the lesson's bank, or the one its teacher imported from Markdown. */
@Injectable()
export class QuizBankService {
  private readonly logger = createLogger(QuizBankService.name);

  constructor(
    private readonly repository: QuizBankRepository,
    private readonly access: AccessService,
  ) {}

  /** The questions the class's attempts are drawn from and scored against. */
  async bankFor(classId: string): Promise<TQuizQuestionContent[]> {
    return (await this.stored(classId))?.questions ?? QUIZ_BANK;
  }

  async state(auth: AuthContext, classId: string): Promise<TQuizBankState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    return stateOf(await this.stored(classId));
  }

  /** Replaces the class's QCM with the teacher's Markdown; a file with errors changes nothing. */
  async import(auth: AuthContext, classId: string, markdown: string): Promise<TQuizBankState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    const parsed = parseQuizMarkdown(markdown);
    if ('errors' in parsed) {
      const count = parsed.errors.length;
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Le QCM n’a pas été importé : ${count} erreur${count > 1 ? 's' : ''} à corriger.`,
        parsed.errors.map((error) => ({ field: 'markdown', message: error.message })),
        { errors: parsed.errors },
      );
    }
    const bank: StoredBank = { markdown, questions: parsed.questions };
    await this.save(classId, bank);
    this.logger.info(
      { classId, userId: auth.user.id, questionCount: bank.questions.length },
      'Quiz bank imported',
    );
    return stateOf(bank);
  }

  /** Back to the lesson's own bank. */
  async reset(auth: AuthContext, classId: string): Promise<TQuizBankState> {
    await this.access.requireAccess(auth, Permission.ClassManage, classId);
    await this.save(classId, null);
    this.logger.info({ classId, userId: auth.user.id }, 'Quiz bank reset to the default one');
    return stateOf(null);
  }

  private async save(classId: string, bank: StoredBank | null): Promise<void> {
    const outcome = await this.repository.saveBank(classId, bank);
    if (outcome === 'missing') throw new DomainError(ErrorCode.NotFound);
    if (outcome === 'in-use') throw new DomainError(ErrorCode.QuizBankInUse);
  }

  /** The class's imported bank, null for the default one; NOT_FOUND without such a class. */
  private async stored(classId: string): Promise<StoredBank | null> {
    const stored = await this.repository.findBank(classId);
    if (stored === undefined) throw new DomainError(ErrorCode.NotFound);
    return stored === null ? null : ZStoredBank.parse(stored);
  }
}

function stateOf(bank: StoredBank | null): TQuizBankState {
  const questions = (bank?.questions ?? QUIZ_BANK).map(({ id, prompt, multiple, options }) => ({
    id,
    prompt,
    multiple,
    optionCount: options.length,
  }));
  return {
    source: bank ? 'imported' : 'default',
    questionCount: questions.length,
    ...(bank ? { markdown: bank.markdown } : {}),
    questions,
  };
}
