import type { ClientToServerEvents, ServerToClientEvents } from '@dlclass/contracts';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Resolves once the socket is connected; rejects with the server's refusal (its message is the error code). */
export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/**
 * A test file's Socket.IO clients, opened as the web app opens them (WebSocket only), without reconnection
 * (a refused or dropped socket stays so), and closed together by closeAll().
 */
export class SocketClients {
  private readonly sockets: ClientSocket[] = [];

  /** A socket to that API, connecting (not yet connected). */
  open(url: string, auth: Record<string, unknown>, extraHeaders?: Record<string, string>): ClientSocket {
    const socket: ClientSocket = io(url, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(extraHeaders ? { extraHeaders } : {}),
    });
    this.sockets.push(socket);
    return socket;
  }

  /** A connected socket of that session. */
  async connect(url: string, token: string): Promise<ClientSocket> {
    const socket = this.open(url, { token });
    await connected(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
  }
}
