import { nextFairShareRank, type PrismaClient, queuedTrainings } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

/** What the launch-time estimates read from the table: the trainings in the queue, a user's next rank. */
@Injectable()
export class RunEstimatesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  queuedTrainings(): ReturnType<typeof queuedTrainings> {
    return queuedTrainings(this.prisma);
  }

  nextFairShareRank(userId: string): Promise<number> {
    return nextFairShareRank(this.prisma, userId);
  }
}
