import type {
  TGrade,
  TGradingDetail,
  TGradingItem,
  TRubric,
  TSaveGradeRequest,
  TSaveRubricRequest,
  TStudentReport,
  TWorksheetKind,
} from '@dlclass/contracts';
import { request } from './api';

const classPath = (classId: string, path: string) => `/classes/${encodeURIComponent(classId)}${path}`;
const deliverablePath = (classId: string, deliverableId: string, path = '') =>
  classPath(classId, `/deliverables/${encodeURIComponent(deliverableId)}${path}`);

/** The teacher's grading calls: rubrics, the queue, one deliverable's grade, the grade book. */
export const gradingApi = {
  rubrics: (classId: string) => request<TRubric[]>('GET', classPath(classId, '/rubrics')),
  saveRubric: (classId: string, kind: TWorksheetKind, body: TSaveRubricRequest) =>
    request<TRubric>('PUT', classPath(classId, `/rubrics/${kind}`), body),
  resetRubric: (classId: string, kind: TWorksheetKind) =>
    request<TRubric>('DELETE', classPath(classId, `/rubrics/${kind}`)),
  queue: (classId: string) => request<TGradingItem[]>('GET', classPath(classId, '/deliverables')),
  detail: (classId: string, deliverableId: string) =>
    request<TGradingDetail>('GET', deliverablePath(classId, deliverableId)),
  saveGrade: (classId: string, deliverableId: string, body: TSaveGradeRequest) =>
    request<TGrade>('PUT', deliverablePath(classId, deliverableId, '/grade'), body),
  finalise: (classId: string, deliverableId: string) =>
    request<TGradingDetail>('POST', deliverablePath(classId, deliverableId, '/finalise')),
  giveBack: (classId: string, deliverableId: string) =>
    request<TGradingDetail>('POST', deliverablePath(classId, deliverableId, '/return')),
  report: (classId: string, studentId: string) =>
    request<TStudentReport>('GET', classPath(classId, `/students/${encodeURIComponent(studentId)}/report`)),
  /** The CSV is downloaded by the browser itself (a link): the session cookie goes with it. */
  gradesCsvUrl: (classId: string) => `/api${classPath(classId, '/grades.csv')}`,
};
