'use client';

import type { THand } from '@dlclass/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/i18n/client';
import { handsApi } from '@/lib/handsApi';
import { useEvery } from '@/lib/useEvery';

/** While the hand is up, how often the page asks whether the teacher answered (no extra socket per page). */
const ANSWER_POLL_MS = 4_000;

/**
 * The student's "lever la main" button, in the header of every page: the teacher's dashboard hears it live;
 * this button learns the answer by asking while the hand is up.
 */
export function RaiseHand() {
  const t = useT();
  const [hand, setHand] = useState<THand | null>(null);
  const [answered, setAnswered] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const handRef = useRef(hand);
  handRef.current = hand;
  /** Bumped by each click: a check sent before it answers about an older state and is dropped. */
  const clicks = useRef(0);

  const check = useCallback(async () => {
    const sentAfter = clicks.current;
    try {
      const { hand: open } = await handsApi.mine();
      if (clicks.current !== sentAfter) return;
      // the hand was up and is no longer: the teacher answered it (lowering it here clears `hand` first)
      if (handRef.current && !open) setAnswered(true);
      setHand(open);
    } catch {
      // a missed check is retried at the next tick
    }
  }, []);
  useEffect(() => void check(), [check]);
  useEvery(ANSWER_POLL_MS, () => void check(), hand !== null);

  const toggle = async () => {
    clicks.current += 1;
    setBusy(true);
    setFailed(false);
    setAnswered(false);
    try {
      if (hand) {
        setHand(null);
        await handsApi.lower();
      } else setHand(await handsApi.raise());
    } catch {
      setFailed(true);
      await check();
    } finally {
      setBusy(false);
    }
  };

  return (
    <span
      className="raise-hand"
      data-testid="raise-hand"
      data-state={hand ? 'raised' : answered ? 'answered' : 'down'}
    >
      <button
        type="button"
        className={`button ${hand ? 'button-danger' : 'button-secondary'} button-small`}
        aria-pressed={hand !== null}
        disabled={busy}
        onClick={() => void toggle()}
        data-testid="raise-hand-button"
      >
        {hand ? t('header.hand.lower') : t('header.hand.raise')}
      </button>
      <span className="small" role="status">
        {failed
          ? t('header.hand.failed')
          : hand
            ? t('header.hand.waiting')
            : answered
              ? t('header.hand.answered')
              : ''}
      </span>
    </span>
  );
}
