'use client';

import type { THand } from '@dlclass/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { handsApi } from '@/lib/handsApi';
import { type AppSocket, useOnConnect, useSocketEvent } from '@/lib/socket';

/** The class's raised hands, live (the dashboard's socket follows the class), first raised first. */
export function HandsPanel({ classId, socket }: { classId: string; socket: AppSocket | null }) {
  const { t, locale } = useI18n();
  const [hands, setHands] = useState<THand[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setHands(await handsApi.openInClass(classId));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [classId]);
  useEffect(() => void load(), [load]);
  // missed while offline: read again at every reconnection
  useOnConnect(socket, () => void load());

  useSocketEvent(socket, 'hand:changed', (hand: THand) => {
    if (hand.classId !== classId) return;
    const open = hand.acknowledgedAt === null && hand.loweredAt === null;
    setHands((list) => [...list.filter((h) => h.id !== hand.id), ...(open ? [hand] : [])]);
  });

  const answer = async (hand: THand) => {
    try {
      await handsApi.acknowledge(classId, hand.id);
      setHands((list) => list.filter((h) => h.id !== hand.id));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div data-testid="hands">
      <h3>{t('teacherTools.hands.title', { count: hands.length })}</h3>
      {error ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
      {hands.length === 0 ? (
        <p className="muted small">{t('teacherTools.hands.none')}</p>
      ) : (
        <ul className="hands-list">
          {hands.map((hand) => (
            <li key={hand.id} data-testid="hand">
              <strong>{hand.studentName}</strong>{' '}
              <span className="small muted">{formatDateTime(locale, hand.raisedAt)}</span>{' '}
              <button
                type="button"
                className="button button-small"
                onClick={() => void answer(hand)}
                data-testid="hand-answer"
              >
                {t('teacherTools.hands.answer')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
