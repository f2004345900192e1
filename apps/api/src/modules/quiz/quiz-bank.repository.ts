import { Prisma, type PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

@Injectable()
export class QuizBankRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The class's stored bank (null: the default one); undefined when there is no such class. */
  async findBank(classId: string): Promise<unknown | undefined> {
    const klass = await this.prisma.class.findUnique({ where: { id: classId }, select: { quizBank: true } });
    return klass ? klass.quizBank : undefined;
  }

  /**
   * Stores the class's bank (null: back to the default one) unless a student has started the QCM: their
   * attempts name its questions. 'in-use' then, 'missing' when there is no such class.
   */
  async saveBank(
    classId: string,
    bank: Prisma.InputJsonValue | null,
  ): Promise<'saved' | 'in-use' | 'missing'> {
    const { count } = await this.prisma.class.updateMany({
      where: { id: classId, quizAttempts: { none: {} } },
      data: { quizBank: bank ?? Prisma.DbNull },
    });
    if (count === 1) return 'saved';
    return (await this.prisma.class.count({ where: { id: classId } })) === 1 ? 'in-use' : 'missing';
  }
}
