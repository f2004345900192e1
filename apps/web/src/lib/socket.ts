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

/** Opens one socket for the lifetime of the component (cookie-authenticated). */
export function useSocket(): { socket: AppSocket | null; connected: boolean } {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const s: AppSocket = io(apiSocketOrigin(), {
      withCredentials: true,
      transports: ['websocket', 'polling'],
    });
    s.on('connect', () => setConnected(true));
    s.on('disconnect', () => setConnected(false));
    setSocket(s);
    return () => {
      s.removeAllListeners();
      s.disconnect();
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
