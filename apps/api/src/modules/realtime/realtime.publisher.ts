import { experimentAudience, rooms, type ServerToClientEvents } from '@dlclass/contracts';
import { Injectable } from '@nestjs/common';
import { createLogger } from '../../common/logger';
import type { RealtimeServer } from './realtime.types';

type Audience = Parameters<typeof experimentAudience>[0];

/**
 * Typed emit helpers for the API's own events (the worker emits through the Redis emitter), and the
 * disconnection of a closed session's sockets.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = createLogger(RealtimePublisher.name);
  private server: RealtimeServer | null = null;

  attach(server: RealtimeServer) {
    this.server = server;
  }

  /** A lifecycle event, heard by the run's owner, its followers and its class's teachers. */
  emitToExperimentAudience<E extends keyof ServerToClientEvents>(
    experiment: Audience,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ) {
    this.emitTo(experimentAudience(experiment), event, ...payload);
  }

  /** A lesson event for one class, heard by its students and its teachers. */
  emitToClass<E extends keyof ServerToClientEvents>(
    classId: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ) {
    this.emitTo([rooms.classStudents(classId), rooms.classTeachers(classId)], event, ...payload);
  }

  /** A student's own event for their class's teachers (a raised hand): never to the other students. */
  emitToStudentAndTeachers<E extends keyof ServerToClientEvents>(
    student: { userId: string; classId: string },
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ) {
    this.emitTo([rooms.user(student.userId), rooms.classTeachers(student.classId)], event, ...payload);
  }

  /** A class's roster or presence changed: its teachers' open pages (the class followed, or its card). */
  emitToClassTeachers<E extends keyof ServerToClientEvents>(
    classId: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ) {
    this.emitTo([rooms.classTeachers(classId), rooms.classRoster(classId)], event, ...payload);
  }

  /**
   * Tells the class's teachers that the student's presence may have changed, with whether they are online
   * now, read from the student's room on every API instance (through the Redis adapter) rather than counted
   * here, so that it is right whichever instance holds the student's pages. Two announcements close together
   * (a quick reload) may reach the teachers in either order: their pages read presence again at each one.
   */
  async announcePresence(student: { userId: string; classId: string }): Promise<void> {
    if (!this.server) return;
    const sockets = await this.server.in(rooms.user(student.userId)).fetchSockets();
    const online = sockets.length > 0;
    this.emitToClassTeachers(student.classId, 'presence:changed', {
      classId: student.classId,
      studentId: student.userId,
      online,
    });
  }

  /** Class id → the ids of its students with at least one socket connected, on every API instance. */
  async onlineStudents(classIds: string[]): Promise<Map<string, Set<string>>> {
    const online = new Map(classIds.map((id) => [id, new Set<string>()]));
    if (!this.server || classIds.length === 0) return online;
    const sockets = await this.server.in(classIds.map(rooms.classStudents)).fetchSockets();
    for (const socket of sockets) {
      const { user } = socket.data.auth;
      if (user.classId) online.get(user.classId)?.add(user.id);
    }
    return online;
  }

  /** Closes every socket opened with this session, on every API instance (through the Redis adapter). */
  disconnectSession(sessionId: string) {
    if (!this.server) return;
    this.server.in(rooms.session(sessionId)).disconnectSockets(true);
  }

  private emitTo<E extends keyof ServerToClientEvents>(
    audience: string[],
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ) {
    if (!this.server) {
      this.logger.warn({ event }, 'Socket.IO server not ready; event dropped');
      return;
    }
    this.server.to(audience).emit(event, ...payload);
  }
}
