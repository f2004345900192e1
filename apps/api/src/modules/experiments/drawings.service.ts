import { ErrorCode, type TDrawing, type TDrawingRequest } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import type { AuthContext } from '../../common/auth/auth.types';
import { DomainError } from '../../common/errors';
import { type DrawingRow, DrawingsRepository } from './drawings.repository';

/** Enough for a lesson's worth of trials on one run; keeps one student from filling the table. */
export const MAX_DRAWINGS_PER_RUN = 200;

const toDrawing = (row: DrawingRow): TDrawing => ({ ...row, createdAt: row.createdAt.toISOString() });

const CLASSICAL_HAS_NO_CANVAS =
  'On ne dessine que pour un réseau de neurones : ce modèle est un modèle classique.';

/** Digits a student drew on one of their runs' canvas, with how the run's model read them. */
@Injectable()
export class DrawingsService {
  constructor(
    private readonly repository: DrawingsRepository,
    private readonly access: AccessService,
  ) {}

  async create(auth: AuthContext, experimentId: string, drawing: TDrawingRequest): Promise<TDrawing> {
    await this.access.requireAccess(auth, Permission.ExperimentUse, experimentId);
    // drawings are read by the run's network in the browser: a classical model has none
    if ((await this.repository.kindOf(experimentId)) === 'CLASSICAL') {
      throw new DomainError(ErrorCode.ValidationFailed, CLASSICAL_HAS_NO_CANVAS);
    }
    if ((await this.repository.count(experimentId)) >= MAX_DRAWINGS_PER_RUN) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Cette expérience a déjà ${MAX_DRAWINGS_PER_RUN} dessins enregistrés : c'est le maximum.`,
      );
    }
    return toDrawing(await this.repository.create({ ...drawing, userId: auth.user.id, experimentId }));
  }

  async list(auth: AuthContext, experimentId: string): Promise<TDrawing[]> {
    await this.access.requireAccess(auth, Permission.ExperimentRead, experimentId);
    return (await this.repository.list(experimentId)).map(toDrawing);
  }
}
