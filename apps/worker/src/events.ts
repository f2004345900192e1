import {
  experimentAudience,
  rooms,
  type ServerToClientEvents,
  type TBatchProgress,
  type TEpochProgress,
  type TExperimentStatus,
} from '@dlclass/contracts';
import { ExperimentKind } from '@dlclass/db';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';

export interface TRunRef {
  id: string;
  userId: string;
  classId: string | null;
  kind: ExperimentKind;
}

/**
 * Typed realtime publishing through Redis to the API's Socket.IO server (default 'socket.io' key prefix).
 * Give it its own connection with `maxRetriesPerRequest: null`: publications wait out a short Redis outage
 * (ioredis's offline queue) instead of failing. The emitter drops the promise of each PUBLISH, so a
 * failure (connection closed) is caught here and logged rather than left unhandled.
 */
export class RealtimePublisher {
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(redis: Redis, onError: (error: unknown) => void) {
    const client = {
      publish: (channel: string, message: string | Buffer) =>
        redis.publish(channel, message).catch((error: unknown) => {
          onError(error);
          return 0;
        }),
    };
    this.emitter = new Emitter<ServerToClientEvents>(client);
  }

  status(
    run: TRunRef,
    status: TExperimentStatus,
    extra: { backend?: string | null; error?: string | null; testAccuracy?: number | null } = {},
  ): void {
    this.emitter.to(experimentAudience(run)).emit('experiment:status', {
      experimentId: run.id,
      userId: run.userId,
      kind: run.kind === ExperimentKind.CLASSICAL ? 'classical' : 'network',
      status,
      queuePosition: null,
      estimatedWaitMs: null,
      backend: extra.backend ?? null,
      error: extra.error ?? null,
      testAccuracy: extra.testAccuracy ?? null,
      at: new Date().toISOString(),
    });
  }

  /** Batch progress goes to the followers of the run only. */
  batch(run: TRunRef, event: TBatchProgress): void {
    this.emitter.to(rooms.experiment(run.id)).emit('experiment:progress', event);
  }

  /** Epochs go to the whole audience (owner, followers, the class's teachers). */
  epoch(run: TRunRef, event: TEpochProgress): void {
    this.emitter.to(experimentAudience(run)).emit('experiment:progress', event);
  }
}
