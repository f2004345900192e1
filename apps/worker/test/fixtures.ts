// Shared set-up of the worker's tests: a student who owns runs, and a listener for what the worker
// publishes through the socket.io Redis emitter.
import type { TExperimentSpec } from '@dlclass/contracts';
import type { PrismaClient } from '@dlclass/db';
import { createClass, createStudent, createTeacher } from '@dlclass/db/testing';
import { Redis } from 'ioredis';

// The socket.io Redis emitter publishes msgpack packets: [uid, { data: [event, payload] }, { rooms }]
const { decode } = require('notepack.io') as { decode: (buffer: Buffer) => unknown };

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A small dense network on MNIST. By default minutes of training (30 epochs of 60,000 images by 8): only a
 * stop ends it within a test; `training` makes it shorter.
 */
export const denseRun = (training: Partial<TExperimentSpec['training']> = {}): TExperimentSpec => ({
  dataset: 'mnist',
  model: { layers: [{ type: 'dense', units: 16, activation: 'relu' }] },
  training: {
    epochs: 30,
    batchSize: 8,
    optimizer: 'adam',
    learningRate: 0.01,
    validationSplit: 0.1,
    trainSize: 60_000,
    ...training,
  },
});

export interface Published {
  event: string;
  payload: { experimentId: string; [key: string]: unknown };
  rooms: string[];
}

/** A student of a fresh class (with its teacher): the owner of the runs a test submits. */
export async function createRunOwner(prisma: PrismaClient): Promise<{ id: string; classId: string }> {
  const teacher = await createTeacher(prisma);
  const klass = await createClass(prisma, teacher.id);
  const student = await createStudent(prisma, klass.id);
  return { id: student.id, classId: klass.id };
}

/** Calls `onEvent` for every event the worker publishes to Socket.IO rooms; resolves once subscribed. */
export async function listenToPublishedEvents(onEvent: (event: Published) => void): Promise<Redis> {
  const subscriber = new Redis(REDIS_URL);
  subscriber.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
    const [, packet, options] = decode(message) as [
      string,
      { data: [string, Published['payload']] },
      { rooms: string[] },
    ];
    onEvent({ event: packet.data[0], payload: packet.data[1], rooms: options.rooms });
  });
  await subscriber.psubscribe('socket.io#/#*');
  return subscriber;
}
