'use client';

import { type PointerEvent as ReactPointerEvent, useRef, useState } from 'react';

/** A pointer has to move this far before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD_PX = 6;

export type Drag = { item: string; text: string; x: number; y: number };

/**
 * Drags items with pointer events (mouse, pen, touch alike): elements with `data-drop="<target>"` receive
 * them; `onDrop(item, target)` gets the target under the pointer, or null when dropped elsewhere.
 * A press that did not move stays a click: `wasDrag()` tells the click handler to ignore the one that follows
 * a drag.
 */
export function useDragDrop(onDrop: (item: string, target: string | null) => void) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const start = useRef<{ item: string; text: string; x: number; y: number; moved: boolean } | null>(null);
  const justDragged = useRef(false);

  const handlers = (item: string, text: string, enabled: boolean) => ({
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      if (!enabled || event.button !== 0) return;
      justDragged.current = false;
      start.current = { item, text, x: event.clientX, y: event.clientY, moved: false };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove(event: ReactPointerEvent<HTMLElement>) {
      const pressed = start.current;
      if (!pressed || pressed.item !== item) return;
      if (
        !pressed.moved &&
        Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) < DRAG_THRESHOLD_PX
      ) {
        return;
      }
      pressed.moved = true;
      setDrag({ item, text, x: event.clientX, y: event.clientY });
    },
    onPointerUp(event: ReactPointerEvent<HTMLElement>) {
      const pressed = start.current;
      start.current = null;
      if (!pressed?.moved) return;
      justDragged.current = true;
      setDrag(null);
      const under = document.elementFromPoint(event.clientX, event.clientY);
      const target = under?.closest('[data-drop]')?.getAttribute('data-drop') ?? null;
      onDrop(item, target);
    },
    onPointerCancel() {
      start.current = null;
      setDrag(null);
    },
  });

  /** True once after a drag ended: the click that the browser fires next is not a pick. */
  const wasDrag = () => {
    const was = justDragged.current;
    justDragged.current = false;
    return was;
  };

  return { drag, handlers, wasDrag };
}
