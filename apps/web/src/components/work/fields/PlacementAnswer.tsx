'use client';

import type { TPlacementField } from '@dlclass/content';
import type { TPlacementCheck } from '@dlclass/contracts';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/i18n/client';
import { errorMessage } from '@/lib/errors';
import { workApi } from '@/lib/workApi';
import { useWork } from '../WorkProvider';
import styles from '../work.module.css';
import { useDragDrop } from './useDragDrop';
import { asRecord } from './values';

/** Width of a placed label drawn on the diagram, in viewBox units. */
const CHIP_WIDTH = 168;
const CHIP_HEIGHT = 40;

type Checked = { result: TPlacementCheck; placements: Record<string, string> };

/** Moves focus along a list of buttons with the arrow keys (Home/End too). */
function arrowFocus(event: KeyboardEvent<HTMLElement>, list: (HTMLElement | null)[]) {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  const present = list.filter((element): element is HTMLElement => element !== null);
  const index = present.indexOf(event.currentTarget);
  let next: HTMLElement | undefined;
  if (event.key in keys) next = present[(index + (keys[event.key] ?? 0) + present.length) % present.length];
  else if (event.key === 'Home') next = present[0];
  else if (event.key === 'End') next = present[present.length - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * A `placement` field (the annotated schema): labels dragged onto the numbered slots of an SVG network, or
 * placed with the keyboard (Enter on a label picks it and goes to the slots, Enter on a slot places it,
 * Escape cancels); "Vérifier" asks the server which placements are right.
 */
export function PlacementAnswer({ field }: { field: TPlacementField }) {
  const { t } = useI18n();
  const { work } = useWork();
  const { diagram } = field;
  const placements = asRecord(work.answers[field.id]);
  const editable = !work.readOnly;
  const textOf = (labelId: string) => diagram.labels.find((label) => label.id === labelId)?.text ?? labelId;
  const slotOf = (labelId: string, among = placements) =>
    Object.keys(among).find((slotId) => among[slotId] === labelId);
  const numberOf = (slotId: string) => diagram.slots.find((slot) => slot.id === slotId)?.number ?? 0;
  const slots = [...diagram.slots].sort((a, b) => a.number - b.number);
  const pool = diagram.labels.filter((label) => !slotOf(label.id));

  const [picked, setPicked] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(() =>
    work.record?.placementCheck
      ? { result: work.record.placementCheck, placements: asRecord(work.record.answers[field.id]) }
      : null,
  );
  const labelButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const slotButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const checkButton = useRef<HTMLButtonElement | null>(null);
  // A label that goes back to the list has no button until the next render: focus moves after it.
  const focusAfterRender = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    target?.()?.focus();
  });
  const titleId = useId();
  const helpId = useId();

  const save = (next: Record<string, string>) => work.setAnswer(field.id, next);

  function place(labelId: string, slotId: string) {
    const next = { ...placements };
    const from = slotOf(labelId);
    if (from) delete next[from];
    const previous = next[slotId];
    next[slotId] = labelId;
    save(next);
    setPicked(null);
    const vars = { label: textOf(labelId), number: numberOf(slotId) };
    setAnnouncement(
      previous && previous !== labelId
        ? t('work.schema.replaced', { ...vars, previous: textOf(previous) })
        : t('work.schema.placed', vars),
    );
    return next;
  }

  function remove(slotId: string) {
    const labelId = placements[slotId];
    if (!labelId) return;
    const { [slotId]: _, ...next } = placements;
    save(next);
    setPicked(null);
    setAnnouncement(t('work.schema.removed', { label: textOf(labelId), number: numberOf(slotId) }));
  }

  function pick(labelId: string) {
    setPicked(labelId);
    setAnnouncement(t('work.schema.picked', { label: textOf(labelId) }));
    // Straight to the slots: the first free one, else the first.
    const target = slots.find((slot) => !placements[slot.id]) ?? slots[0];
    if (target) slotButtons.current.get(target.id)?.focus();
  }

  function activateSlot(slotId: string) {
    if (!editable) return;
    if (picked) {
      const next = place(picked, slotId);
      // Back to the labels still to place, or to the check button once every slot is filled.
      const nextLabel = diagram.labels.find((label) => !slotOf(label.id, next));
      const full = Object.keys(next).length === diagram.slots.length;
      focusAfterRender.current = () =>
        full || !nextLabel ? checkButton.current : labelButtons.current.get(nextLabel.id);
    } else if (placements[slotId]) {
      pick(placements[slotId]);
    }
  }

  const dnd = useDragDrop((labelId, target) => {
    if (!editable) return;
    if (target?.startsWith('slot:')) place(labelId, target.slice('slot:'.length));
    else if (target === 'pool') {
      const from = slotOf(labelId);
      if (from) remove(from);
    }
  });

  function cancel(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || !picked) return;
    event.preventDefault();
    const labelId = picked;
    setPicked(null);
    setAnnouncement(t('work.schema.cancelled'));
    labelButtons.current.get(labelId)?.focus();
  }

  async function check() {
    setChecking(true);
    setCheckError(null);
    try {
      if (!(await work.flush())) return; // the save line says why
      const result = await workApi.checkPlacements(work.activity);
      setChecked({ result, placements });
      work.updateRecord((record) => ({ ...record, placementCheck: result }));
      setAnnouncement(t('work.schema.score', { correct: result.correct, total: result.total }));
    } catch (caught) {
      setCheckError(errorMessage(t, caught));
    } finally {
      setChecking(false);
    }
  }

  /** Right or wrong for a slot, while its label is still the one that was checked. */
  const verdict = (slotId: string): 'right' | 'wrong' | null => {
    if (!checked || !placements[slotId] || checked.placements[slotId] !== placements[slotId]) return null;
    const ok = checked.result.slots[slotId];
    return ok === undefined ? null : ok ? 'right' : 'wrong';
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the board cancels a picked label
    <div className={styles.board} onKeyDown={cancel} data-testid={`answer-${field.id}`}>
      {field.label && <h3>{field.label}</h3>}
      <p id={helpId} className="hint">
        {t('work.schema.instructions')}
      </p>
      <svg
        viewBox={`0 0 ${diagram.width} ${diagram.height}`}
        className={styles.diagram}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{t('work.schema.diagramTitle')}</title>
        {diagram.edges.map(([from, to]) => {
          const a = diagram.nodes.find((node) => node.id === from);
          const b = diagram.nodes.find((node) => node.id === to);
          return a && b ? (
            <line key={`${from}-${to}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={styles.edge} />
          ) : null;
        })}
        {diagram.nodes.map((node) => (
          <circle key={node.id} cx={node.x} cy={node.y} r={11} className={styles.node} />
        ))}
        {diagram.slots.map((slot) => {
          const labelId = placements[slot.id];
          const state = verdict(slot.id);
          const x = Math.min(Math.max(slot.x - CHIP_WIDTH / 2, 2), diagram.width - CHIP_WIDTH - 2);
          const y = Math.min(Math.max(slot.y - CHIP_HEIGHT / 2, 2), diagram.height - CHIP_HEIGHT - 2);
          return (
            // Pointer users may also drop or click on the drawing; keyboard users use the list of slots.
            // biome-ignore lint/a11y/noStaticElementInteractions: the list of slots below is the keyboard path
            <g
              key={slot.id}
              data-drop={`slot:${slot.id}`}
              className={`${styles.slotMark} ${picked ? styles.slotTarget : ''}`}
              onClick={() => activateSlot(slot.id)}
              data-testid={`slot-mark-${slot.id}`}
              data-result={state ?? ''}
            >
              {labelId ? (
                <foreignObject x={x} y={y} width={CHIP_WIDTH} height={CHIP_HEIGHT}>
                  <div className={`${styles.chipOnDiagram} ${state ? styles[state] : ''}`}>
                    <b>{slot.number}</b> {textOf(labelId)}
                  </div>
                </foreignObject>
              ) : (
                <>
                  <circle cx={slot.x} cy={slot.y} r={16} className={styles.slotCircle} />
                  <text x={slot.x} y={slot.y} className={styles.slotNumber}>
                    {slot.number}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>

      <div className={styles.boardLists}>
        <section aria-labelledby={`${titleId}-labels`} data-drop="pool" className={styles.pool}>
          <h4 id={`${titleId}-labels`}>{t('work.schema.labelsTitle')}</h4>
          {pool.length === 0 ? (
            <p className="muted small">{t('work.schema.allPlaced')}</p>
          ) : (
            <ul className={styles.chipList}>
              {pool.map((label) => (
                <li key={label.id}>
                  <button
                    type="button"
                    ref={(element) => {
                      labelButtons.current.set(label.id, element);
                    }}
                    className={`${styles.chip} ${picked === label.id ? styles.chipPicked : ''}`}
                    aria-pressed={picked === label.id}
                    aria-describedby={helpId}
                    disabled={!editable}
                    onClick={() => {
                      if (dnd.wasDrag()) return;
                      if (picked === label.id) setPicked(null);
                      else pick(label.id);
                    }}
                    onKeyDown={(event) =>
                      arrowFocus(
                        event,
                        pool.map((l) => labelButtons.current.get(l.id) ?? null),
                      )
                    }
                    {...dnd.handlers(label.id, label.text, editable)}
                    data-testid={`label-${label.id}`}
                  >
                    {label.text}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby={`${titleId}-slots`} className={styles.slotsPanel}>
          <h4 id={`${titleId}-slots`}>{t('work.schema.slotsTitle')}</h4>
          <ol className={styles.slotList}>
            {slots.map((slot) => {
              const labelId = placements[slot.id];
              const state = verdict(slot.id);
              return (
                <li
                  key={slot.id}
                  data-drop={`slot:${slot.id}`}
                  className={`${styles.slotRow} ${state ? styles[state] : ''}`}
                >
                  <span className={styles.slotBadge} aria-hidden="true">
                    {slot.number}
                  </span>
                  <button
                    type="button"
                    ref={(element) => {
                      slotButtons.current.set(slot.id, element);
                    }}
                    className={`${styles.slotButton} ${labelId ? styles.slotFilled : ''} ${picked ? styles.slotTarget : ''}`}
                    aria-label={
                      labelId
                        ? t('work.schema.slotFilled', { number: slot.number, label: textOf(labelId) })
                        : t('work.schema.slotEmpty', { number: slot.number })
                    }
                    disabled={!editable}
                    onClick={() => {
                      if (dnd.wasDrag()) return;
                      activateSlot(slot.id);
                    }}
                    onKeyDown={(event) =>
                      arrowFocus(
                        event,
                        slots.map((s) => slotButtons.current.get(s.id) ?? null),
                      )
                    }
                    {...(labelId ? dnd.handlers(labelId, textOf(labelId), editable) : {})}
                    data-testid={`slot-${slot.id}`}
                    data-label={labelId ?? ''}
                    data-result={state ?? ''}
                  >
                    {labelId ? textOf(labelId) : t('work.schema.empty')}
                  </button>
                  {state && (
                    <span className={`badge ${state === 'right' ? 'badge-succeeded' : 'badge-failed'}`}>
                      {t(`work.schema.${state}`)}
                    </span>
                  )}
                  {labelId && editable && (
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('work.schema.removeLabel', {
                        label: textOf(labelId),
                        number: slot.number,
                      })}
                      onClick={() => remove(slot.id)}
                      data-testid={`remove-${slot.id}`}
                    >
                      ×
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      </div>

      <div className="row">
        <button
          type="button"
          ref={checkButton}
          className="button"
          disabled={checking || work.phase !== 'ready' || Object.keys(placements).length === 0}
          onClick={() => void check()}
          data-testid="check-placements"
        >
          {checking ? t('work.schema.checking') : t('work.schema.check')}
        </button>
        {checked && (
          <strong
            data-testid="placement-score"
            data-correct={checked.result.correct}
            data-total={checked.result.total}
          >
            {t('work.schema.score', { correct: checked.result.correct, total: checked.result.total })}
          </strong>
        )}
        {checkError && (
          <span className="field-error" role="alert">
            {checkError}
          </span>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="schema-announcement">
        {announcement}
      </p>
      {work.fieldErrors[field.id] && <p className="field-error">{work.fieldErrors[field.id]}</p>}
      {dnd.drag && (
        <div className={styles.ghost} style={{ left: dnd.drag.x, top: dnd.drag.y }} aria-hidden="true">
          {dnd.drag.text}
        </div>
      )}
    </div>
  );
}
