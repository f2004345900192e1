import { ErrorCode, rooms, type TAck, ZSubscribeClass, ZSubscribeExperiment } from '@dlclass/contracts';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { z } from 'zod';
import { AccessService } from '../../common/access/access.service';
import { Permission } from '../../common/access/permission';
import { SessionAuthenticator } from '../../common/auth/auth.types';
import { extractToken } from '../../common/auth/token';
import { ERROR_TABLE } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { RealtimePublisher } from './realtime.publisher';
import type { RealtimeServer, RealtimeSocket } from './realtime.types';

const refused = (code: typeof ErrorCode.NotFound | typeof ErrorCode.ValidationFailed): TAck => ({
  ok: false,
  code,
  message: ERROR_TABLE[code].message,
});

/**
 * Socket.IO: the handshake authenticates (auth.token or the session cookie), every socket joins its
 * own user room and its session's room (closed at logout), a student's also their class's students
 * room, and every other room join is authorized with the same access helper as HTTP.
 */
@WebSocketGateway()
export class RealtimeGateway
  implements
    OnGatewayInit<RealtimeServer>,
    OnGatewayConnection<RealtimeSocket>,
    OnGatewayDisconnect<RealtimeSocket>
{
  private readonly logger = createLogger(RealtimeGateway.name);

  constructor(
    private readonly sessions: SessionAuthenticator,
    private readonly access: AccessService,
    private readonly publisher: RealtimePublisher,
  ) {}

  afterInit(server: RealtimeServer) {
    server.use((socket, next) => {
      const authToken = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const token =
        typeof authToken === 'string' && authToken.length > 0
          ? authToken
          : extractToken({
              authorization: socket.handshake.headers.authorization,
              cookieHeader: socket.handshake.headers.cookie,
            });
      if (!token) return next(new Error(ErrorCode.Unauthenticated));
      this.sessions.authenticate(token).then(
        (auth) => {
          if (!auth) return next(new Error(ErrorCode.Unauthenticated));
          socket.data.auth = auth;
          next();
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'Socket authentication failed');
          next(new Error(ErrorCode.Internal));
        },
      );
    });
    this.publisher.attach(server);
  }

  async handleConnection(socket: RealtimeSocket) {
    const { user, sessionId } = socket.data.auth;
    const own = [rooms.user(user.id), rooms.session(sessionId)];
    // A student hears their class's lesson events (phase locks) without asking: the class is theirs.
    if (user.role === 'student' && user.classId) own.push(rooms.classStudents(user.classId));
    await socket.join(own);
    this.announcePresence(socket);
  }

  /** A student is online while one of their pages holds a socket: their teachers hear each change. */
  handleDisconnect(socket: RealtimeSocket) {
    this.announcePresence(socket);
  }

  private announcePresence(socket: RealtimeSocket) {
    const { user } = socket.data.auth;
    if (user.role !== 'student' || !user.classId) return;
    this.publisher.announcePresence({ userId: user.id, classId: user.classId }).catch((error: unknown) => {
      this.logger.error({ err: error, userId: user.id }, 'Presence announcement failed');
    });
  }

  @SubscribeMessage('experiment:subscribe')
  async subscribeExperiment(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<TAck> {
    return this.joinIfAllowed(socket, body, ZSubscribeExperiment, Permission.ExperimentRead, (p) =>
      rooms.experiment(p.experimentId),
    );
  }

  @SubscribeMessage('experiment:unsubscribe')
  async unsubscribeExperiment(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<TAck> {
    const parsed = ZSubscribeExperiment.safeParse(body);
    if (!parsed.success) return refused(ErrorCode.ValidationFailed);
    await socket.leave(rooms.experiment(parsed.data.experimentId));
    return { ok: true };
  }

  @SubscribeMessage('class:subscribe')
  async subscribeClass(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: unknown,
  ): Promise<TAck> {
    return this.joinIfAllowed(socket, body, ZSubscribeClass, Permission.ClassRead, (p) =>
      rooms.classTeachers(p.classId),
    );
  }

  @SubscribeMessage('class:follow-roster')
  async followRoster(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<TAck> {
    return this.joinIfAllowed(socket, body, ZSubscribeClass, Permission.ClassRead, (p) =>
      rooms.classRoster(p.classId),
    );
  }

  private async joinIfAllowed<S extends typeof ZSubscribeExperiment | typeof ZSubscribeClass>(
    socket: RealtimeSocket,
    body: unknown,
    schema: S,
    permission: Permission,
    roomOf: (payload: z.infer<S>) => string,
  ): Promise<TAck> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return refused(ErrorCode.ValidationFailed);
    const payload = parsed.data as z.infer<S>;
    const id = 'experimentId' in payload ? payload.experimentId : payload.classId;
    try {
      const granted = await this.access.checkAccess(socket.data.auth, permission, [id]);
      if (!granted.has(id)) return refused(ErrorCode.NotFound);
      await socket.join(roomOf(payload));
      return { ok: true };
    } catch (error) {
      this.logger.error({ err: error, permission }, 'Room join failed');
      return { ok: false, code: ErrorCode.Internal, message: ERROR_TABLE[ErrorCode.Internal].message };
    }
  }
}
