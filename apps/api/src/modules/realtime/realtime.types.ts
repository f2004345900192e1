import type { ClientToServerEvents, ServerToClientEvents } from '@dlclass/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthContext } from '../../common/auth/auth.types';

export interface SocketData {
  auth: AuthContext;
}

// biome-ignore lint/complexity/noBannedTypes: Socket.IO's slot for server-to-server events, unused here.
type NoInterServerEvents = {};

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  NoInterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  NoInterServerEvents,
  SocketData
>;
