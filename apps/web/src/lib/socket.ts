'use client';

import type { ClientToServerEvents, ServerToClientEvents } from '@dlclass/contracts';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Socket.IO runs on the API origin (not behind the Next rewrite). By default that is the page's own host on
 * the API port, so the session cookie (same host, another port) goes along whether the class opened
 * localhost, 127.0.0.1 or the server's LAN address.
 */
export function apiSocketOrigin(): string {
  const configured = process.env.NEXT_PUBLIC_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  const port = process.env.NEXT_PUBLIC_API_PORT || '3001';
  return `${window.location.protocol}//${window.location.hostname}:${port}`;
}

/**
 * One socket per page, shared by every component that asks for one (cookie-authenticated): a student's
 * header holds it on every page (their teachers see them online) and the page's own components reuse it
 * rather than opening more. The last component to let go closes it.
 */
let shared: { socket: AppSocket; users: number } | null = null;

function acquireSocket(): AppSocket {
  if (!shared) {
    shared = {
      socket: io(apiSocketOrigin(), { withCredentials: true, transports: ['websocket', 'polling'] }),
      users: 0,
    };
  } else if (!shared.socket.active) {
    // closed by the server (a logout): whoever asks again reconnects, with the session cookie of now
    shared.socket.connect();
  }
  shared.users += 1;
  return shared.socket;
}

function releaseSocket(socket: AppSocket): void {
  if (shared?.socket !== socket) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  socket.disconnect();
  shared = null;
}

/** The page's socket, for the lifetime of the component, and whether it is connected now. */
export function useSocket(): { socket: AppSocket | null; connected: boolean } {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const s = acquireSocket();
    const onConnect = () => setConnected(true);
    const onDisconnect = () => setConnected(false);
    s.on('connect', onConnect);
    s.on('disconnect', onDisconnect);
    setConnected(s.connected);
    setSocket(s);
    return () => {
      s.off('connect', onConnect);
      s.off('disconnect', onDisconnect);
      releaseSocket(s);
    };
  }, []);

  return { socket, connected };
}

/**
 * Runs `handler` at every (re)connection of the socket (and at once if it is already connected), so the
 * caller re-subscribes to its rooms and reloads what it may have missed while offline.
 */
export function useOnConnect(socket: AppSocket | null, handler: (socket: AppSocket) => void): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = () => handlerRef.current(socket);
    socket.on('connect', listener);
    if (socket.connected) listener();
    return () => {
      socket.off('connect', listener);
    };
  }, [socket]);
}

/** Listens to one server event with the latest handler, without re-binding on every render. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(
  socket: AppSocket | null,
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (handlerRef.current as (...a: unknown[]) => void)(...args)) as unknown as ServerToClientEvents[E];
    // biome-ignore lint/suspicious/noExplicitAny: socket.io's overloads need a loose cast for a generic event name
    (socket as any).on(event, listener);
    return () => {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      (socket as any).off(event, listener);
    };
  }, [socket, event]);
}
