'use client';

import type { TTemplate } from '@dlclass/content';
import type { TGradingDetail, TGradingItem, TWorksheetKind } from '@dlclass/contracts';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, formatNumber } from '@/lib/format';
import { gradingApi } from '@/lib/gradingApi';
import { useApiData } from '@/lib/useApiData';
import { CLASS_PARAM, ClassScope } from '../ClassScope';
import { GradePanel } from './GradePanel';
import { RubricEditor } from './RubricEditor';

/** New work keeps arriving during the lesson: the queue is read again this often. */
const QUEUE_REFRESH_MS = 15_000;

type StatusFilter = TGradingItem['status'] | 'all';

/** The class's grading: the queue of handed-in work, the deliverable being graded, the rubrics, the exports. */
type WorkspaceProps = {
  /** Activity slug → its template (public: without the schema's answer key). */
  templates: Record<string, TTemplate>;
  /** The signed-in teacher (their unsent grading is kept under their name). */
  userId: string;
};

export function GradingWorkspace({ classId, templates, userId }: WorkspaceProps & { classId: string }) {
  const { t, locale } = useI18n();
  const queue = useApiData(() => gradingApi.queue(classId), QUEUE_REFRESH_MS);
  const [kind, setKind] = useState<TWorksheetKind | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [detail, setDetail] = useState<TGradingDetail | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const list = queue.data ?? [];
  const open = useCallback(
    async (item: TGradingItem) => {
      try {
        setDetail(await gradingApi.detail(classId, item.deliverableId));
        setOpenError(null);
      } catch (caught) {
        setOpenError(caught);
      }
    },
    [classId],
  );
  // The open deliverable changed state elsewhere (the student handed it in again): show it as it is now,
  // once per change the queue reports.
  const openItem = list.find((item) => item.deliverableId === detail?.item.deliverableId);
  const reloadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!openItem || !detail || openItem.status === detail.item.status) return;
    const change = `${openItem.deliverableId}:${openItem.status}`;
    if (reloadedFor.current === change) return;
    reloadedFor.current = change;
    void open(openItem);
  }, [openItem, detail, open]);
  const shown = list.filter(
    (item) => (kind === 'all' || item.kind === kind) && (status === 'all' || item.status === status),
  );
  const kinds = [...new Map(list.map((item) => [item.kind, item.title])).entries()];

  return (
    <>
      <section className="card" aria-labelledby="queue-title">
        <div className="spread">
          <h2 id="queue-title">{t('grading.page.queueTitle', { count: list.length })}</h2>
          <a
            className="button button-secondary"
            href={gradingApi.gradesCsvUrl(classId)}
            download
            data-testid="export-csv"
          >
            {t('grading.page.exportCsv')}
          </a>
        </div>
        {queue.error && !queue.data ? (
          <p className="alert alert-error">{errorMessage(t, queue.error)}</p>
        ) : null}
        {!queue.data && !queue.error && <p className="muted">{t('common.loading')}</p>}
        {queue.data && list.length === 0 && <p className="muted">{t('grading.page.emptyQueue')}</p>}
        {list.length > 0 && (
          <>
            <div className="row">
              <label className="field">
                <span>{t('grading.page.filterKind')}</span>
                <select
                  value={kind}
                  onChange={(event) => setKind(event.target.value as TWorksheetKind | 'all')}
                >
                  <option value="all">{t('grading.page.filterAll')}</option>
                  {kinds.map(([value, title]) => (
                    <option key={value} value={value}>
                      {title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('grading.page.filterStatus')}</span>
                <select value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
                  <option value="all">{t('grading.page.filterAll')}</option>
                  {(['submitted', 'returned', 'finalised'] as const).map((value) => (
                    <option key={value} value={value}>
                      {t(`grading.status.${value}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <ul className="grading-queue" data-testid="grading-queue">
              {shown.map((item) => (
                <li key={item.deliverableId}>
                  <button
                    type="button"
                    className="class-button"
                    aria-pressed={detail?.item.deliverableId === item.deliverableId}
                    onClick={() => void open(item)}
                    data-testid="queue-item"
                  >
                    <strong>{item.student.displayName}</strong> — {item.title}
                    <br />
                    <span className={`badge status-${item.status}`}>
                      {t(`grading.status.${item.status}`)}
                    </span>{' '}
                    {item.total !== null && item.maxTotal !== null && (
                      <span className="small">
                        {formatNumber(locale, item.total, 2)} / {formatNumber(locale, item.maxTotal, 2)}
                      </span>
                    )}{' '}
                    {item.submittedAt && (
                      <span className="small muted">
                        {t('grading.page.submittedAt', { date: formatDateTime(locale, item.submittedAt) })}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {openError ? <p className="alert alert-error">{errorMessage(t, openError)}</p> : null}
      {detail ? (
        <section className="card" aria-label={detail.item.title}>
          <GradePanel
            key={`${detail.item.deliverableId}-${detail.item.status}`}
            classId={classId}
            detail={detail}
            template={templates[detail.deliverable.activity] ?? null}
            userId={userId}
            onChanged={(changed) => {
              setDetail(changed);
              void queue.refresh();
            }}
          />
        </section>
      ) : (
        list.length > 0 && <p className="muted">{t('grading.page.pick')}</p>
      )}
      <RubricEditor classId={classId} />
      <StudentReports classId={classId} />
    </>
  );
}

/** A printable report per student of the class. */
function StudentReports({ classId }: { classId: string }) {
  const t = useI18n().t;
  const roster = useApiData(() => api.roster(classId));
  return (
    <section className="card" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('grading.page.reportsTitle')}</h2>
      {roster.error ? <p className="alert alert-error">{errorMessage(t, roster.error)}</p> : null}
      {roster.data?.length === 0 && <p className="muted">{t('grading.page.noStudents')}</p>}
      <ul className="report-links" data-testid="report-links">
        {roster.data?.map((student) => (
          <li key={student.id}>
            <Link
              href={`/enseignant/bilan?${CLASS_PARAM}=${encodeURIComponent(classId)}&eleve=${encodeURIComponent(student.id)}`}
            >
              {t('grading.page.report')} — {student.displayName}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The grading of the class picked in the teacher's class scope (a server page cannot pass the render prop). */
export function ScopedGradingWorkspace(props: WorkspaceProps) {
  return <ClassScope>{(schoolClass) => <GradingWorkspace classId={schoolClass.id} {...props} />}</ClassScope>;
}
