'use client';

import type { TClass, TRosterStudent } from '@dlclass/contracts';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import { TableHead } from '@/components/TableHead';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useApiData } from '@/lib/useApiData';
import { useSubmit } from '@/lib/useSubmit';
import { SeedModeSetting } from './SeedModeSetting';

/** A new class of the teacher, named in one field. */
export function NewClassForm({ onCreated }: { onCreated: (created: TClass) => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [name, setName] = useState('');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(async () => {
      onCreated(await api.createClass({ name }));
      setName('');
    });
  };
  return (
    <form className="inline-form" onSubmit={create} noValidate data-testid="new-class-form">
      <Field
        label={t('teacherTools.classes.newName')}
        type="text"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={submit.fields.find((f) => f.field === 'name')?.message}
        data-testid="new-class-name"
      />
      <button type="submit" className="button" disabled={submit.busy} data-testid="new-class-submit">
        {t('teacherTools.classes.create')}
      </button>
      {submit.error && !submit.fields.length && <p className="alert alert-error">{submit.error}</p>}
    </form>
  );
}

/** One class's settings (name, join code, archive, training seed) and its roster (new PIN, removal). */
export function ClassManager({
  schoolClass,
  onChanged,
}: {
  schoolClass: TClass;
  onChanged: (changed: TClass) => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [name, setName] = useState(schoolClass.name);
  const change = (action: () => Promise<TClass>) =>
    submit.run(async () => {
      const changed = await action();
      onChanged(changed);
      setName(changed.name);
    });
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    await change(() => api.updateClass(schoolClass.id, { name }));
  };
  return (
    <div className="class-manager" data-testid="class-manager">
      <form className="inline-form" onSubmit={rename} noValidate>
        <Field
          label={t('teacherTools.classes.name')}
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={submit.fields.find((f) => f.field === 'name')?.message}
          data-testid="class-name"
        />
        <button type="submit" className="button button-secondary" disabled={submit.busy}>
          {t('teacherTools.classes.rename')}
        </button>
      </form>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={submit.busy}
          onClick={() => {
            if (window.confirm(t('teacherTools.classes.newCodeConfirm', { code: schoolClass.code })))
              void change(() => api.regenerateClassCode(schoolClass.id));
          }}
          data-testid="class-new-code"
        >
          {t('teacherTools.classes.newCode')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={submit.busy}
          onClick={() =>
            void change(() => api.updateClass(schoolClass.id, { archived: !schoolClass.archived }))
          }
          data-testid="class-archive"
        >
          {schoolClass.archived ? t('teacherTools.classes.unarchive') : t('teacherTools.classes.archive')}
        </button>
      </div>
      {schoolClass.archived && <p className="alert alert-warn">{t('teacherTools.classes.archivedNotice')}</p>}
      <SeedModeSetting schoolClass={schoolClass} onChanged={onChanged} />
      {submit.error && !submit.fields.length && <p className="alert alert-error">{submit.error}</p>}
      <Roster
        schoolClass={schoolClass}
        onRemoved={() => onChanged({ ...schoolClass, studentCount: schoolClass.studentCount - 1 })}
      />
    </div>
  );
}

/** Rosters up to this size are shown unfolded. */
const ROSTER_OPEN_UP_TO = 10;

function Roster({ schoolClass, onRemoved }: { schoolClass: TClass; onRemoved: () => void }) {
  const { t, locale } = useI18n();
  const { data, error } = useApiData(() => api.roster(schoolClass.id));
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useSubmit();
  if (!data) return <LoadState loaded={false} error={error} />;
  const students = data.filter((student) => !removed.has(student.id));
  const resetPin = (student: TRosterStudent) =>
    submit.run(async () => {
      setNotice(null);
      const { pin } = await api.resetPin(schoolClass.id, student.id);
      setNotice(t('teacherTools.classes.newPin', { name: student.displayName, pin }));
    });
  const remove = (student: TRosterStudent) => {
    if (!window.confirm(t('teacherTools.classes.removeConfirm', { name: student.displayName }))) return;
    void submit.run(async () => {
      setNotice(null);
      await api.removeStudent(schoolClass.id, student.id);
      setRemoved((set) => new Set([...set, student.id]));
      onRemoved();
      setNotice(t('teacherTools.classes.removed', { name: student.displayName }));
    });
  };
  return (
    // A full class's roster is long: folded, so that the live view stays near the top of the dashboard.
    <details className="roster" open={students.length <= ROSTER_OPEN_UP_TO}>
      <summary>
        <h3>{t('teacherTools.classes.rosterTitle', { count: students.length })}</h3>
      </summary>
      {notice && (
        <p className="alert alert-ok" role="status" data-testid="roster-notice">
          {notice}
        </p>
      )}
      {submit.error && <p className="alert alert-error">{submit.error}</p>}
      {students.length === 0 ? (
        <p className="muted">{t('teacherTools.classes.noStudents', { code: schoolClass.code })}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="roster">
            <TableHead
              columns={[
                { label: t('teacherTools.classes.columns.name') },
                { label: t('teacherTools.classes.columns.joined') },
                { label: t('teacherTools.classes.columns.runs'), num: true },
                { label: t('teacherTools.classes.columns.work'), num: true },
                { label: t('teacherTools.classes.columns.actions') },
              ]}
            />
            <tbody>
              {students.map((student) => (
                <tr key={student.id} data-testid="roster-student">
                  <th scope="row">{student.displayName}</th>
                  <td>{formatDateTime(locale, student.joinedAt)}</td>
                  <td className="num">{student.runCount}</td>
                  <td className="num">{student.deliverableCount}</td>
                  <td>
                    <span className="button-row">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={submit.busy}
                        onClick={() => void resetPin(student)}
                        data-testid="roster-reset-pin"
                      >
                        {t('teacherTools.classes.resetPin')}
                      </button>
                      <button
                        type="button"
                        className="button button-danger button-small"
                        disabled={submit.busy}
                        onClick={() => remove(student)}
                        data-testid="roster-remove"
                      >
                        {t('teacherTools.classes.remove')}
                      </button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
