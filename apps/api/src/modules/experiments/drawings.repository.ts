import type { TDrawingRequest } from '@dlclass/contracts';
import type { ExperimentKind, Prisma, PrismaClient } from '@dlclass/db';
import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '../../common/infra/tokens';

const drawingSelect = {
  id: true,
  experimentId: true,
  intended: true,
  predicted: true,
  probabilities: true,
  consent: true,
  createdAt: true,
} satisfies Prisma.DrawingSelect;

export type DrawingRow = Prisma.DrawingGetPayload<{ select: typeof drawingSelect }>;

@Injectable()
export class DrawingsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  create(input: { userId: string; experimentId: string } & TDrawingRequest): Promise<DrawingRow> {
    const { pixels, ...rest } = input;
    return this.prisma.drawing.create({
      data: { ...rest, pixels: Uint8Array.from(pixels) },
      select: drawingSelect,
    });
  }

  async kindOf(experimentId: string): Promise<ExperimentKind | null> {
    const row = await this.prisma.experiment.findUnique({
      where: { id: experimentId },
      select: { kind: true },
    });
    return row?.kind ?? null;
  }

  count(experimentId: string): Promise<number> {
    return this.prisma.drawing.count({ where: { experimentId } });
  }

  /** Oldest first, without the pixels. */
  list(experimentId: string): Promise<DrawingRow[]> {
    return this.prisma.drawing.findMany({
      where: { experimentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: drawingSelect,
    });
  }
}
