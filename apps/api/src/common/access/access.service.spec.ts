import { SEANCE_1 } from '@dlclass/content';
import type { AuthContext } from '../auth/auth.types';
import { DomainError } from '../errors';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { Permission } from './permission';

const ids = {
  teacher: '00000000-0000-4000-8000-000000000001',
  otherTeacher: '00000000-0000-4000-8000-000000000002',
  alice: '00000000-0000-4000-8000-000000000003',
  bob: '00000000-0000-4000-8000-000000000004',
  admin: '00000000-0000-4000-8000-000000000005',
  classA: '00000000-0000-4000-8000-00000000000a',
  aliceRun: '00000000-0000-4000-8000-0000000000a1',
  bobRun: '00000000-0000-4000-8000-0000000000b1',
  teacherRun: '00000000-0000-4000-8000-0000000000c1',
};

/** A typed fake of the repository: the ownership facts of a tiny world. */
class FakeAccessRepository extends AccessRepository {
  readonly experiments = new Map([
    [ids.aliceRun, { userId: ids.alice, classId: ids.classA as string | null }],
    [ids.bobRun, { userId: ids.bob, classId: ids.classA as string | null }],
    [ids.teacherRun, { userId: ids.teacher, classId: null }],
  ]);
  readonly classes = new Map([[ids.classA, { teacherId: ids.teacher, lockedPhases: [2, 3] }]]);

  async experimentsOwnedBy(userId: string, experimentIds: string[]) {
    return experimentIds.filter((id) => this.experiments.get(id)?.userId === userId);
  }
  async experimentsInClassesOf(teacherId: string, experimentIds: string[]) {
    return experimentIds.filter((id) => {
      const classId = this.experiments.get(id)?.classId;
      return classId != null && this.classes.get(classId)?.teacherId === teacherId;
    });
  }
  async classesTaughtBy(teacherId: string, classIds: string[]) {
    return classIds.filter((id) => this.classes.get(id)?.teacherId === teacherId);
  }
  async lockedPhases(classId: string) {
    return this.classes.get(classId)?.lockedPhases ?? [];
  }
}

const as = (id: string, role: AuthContext['user']['role']): AuthContext => ({
  sessionId: 'session',
  user: {
    id,
    role,
    displayName: id,
    email: null,
    classId: role === 'student' ? ids.classA : null,
    className: null,
  },
});

describe('AccessService.requireAccess', () => {
  const access = new AccessService(new FakeAccessRepository());
  const alice = as(ids.alice, 'student');
  const teacher = as(ids.teacher, 'teacher');
  const otherTeacher = as(ids.otherTeacher, 'teacher');
  const admin = as(ids.admin, 'admin');

  it('lets a student read and cancel their own run', async () => {
    await expect(
      access.requireAccess(alice, Permission.ExperimentRead, ids.aliceRun),
    ).resolves.toBeUndefined();
    await expect(
      access.requireAccess(alice, Permission.ExperimentCancel, [ids.aliceRun]),
    ).resolves.toBeUndefined();
  });

  it("refuses another student's run with NOT_FOUND (never 403, so ids cannot be probed)", async () => {
    const refusal = access.requireAccess(alice, Permission.ExperimentRead, ids.bobRun);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses the whole request when one id of several is not allowed', async () => {
    await expect(
      access.requireAccess(alice, Permission.ExperimentRead, [ids.aliceRun, ids.bobRun]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("lets a teacher see their own runs and their class's runs, but not another teacher", async () => {
    await expect(
      access.requireAccess(teacher, Permission.ExperimentRead, [ids.aliceRun, ids.bobRun, ids.teacherRun]),
    ).resolves.toBeUndefined();
    await expect(
      access.requireAccess(otherTeacher, Permission.ExperimentRead, ids.aliceRun),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('gives class access to its teacher only (not to students, not to other teachers)', async () => {
    await expect(access.requireAccess(teacher, Permission.ClassRead, ids.classA)).resolves.toBeUndefined();
    await expect(access.requireAccess(otherTeacher, Permission.ClassRead, ids.classA)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(access.requireAccess(alice, Permission.ClassRead, ids.classA)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets an admin read everything', async () => {
    await expect(
      access.requireAccess(admin, Permission.ExperimentRead, [ids.aliceRun, ids.bobRun]),
    ).resolves.toBeUndefined();
    await expect(access.requireAccess(admin, Permission.ClassRead, ids.classA)).resolves.toBeUndefined();
  });

  it('treats a malformed id as not found instead of reaching the database', async () => {
    await expect(access.requireAccess(admin, Permission.ExperimentRead, 'not-a-uuid')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets any signed-in user create a run', async () => {
    await expect(access.requireAccess(alice, Permission.ExperimentCreate, [])).resolves.toBeUndefined();
  });

  it('lets only the owner use a run in their own work (not the teacher of the class, not an admin)', async () => {
    await expect(
      access.requireAccess(alice, Permission.ExperimentUse, ids.aliceRun),
    ).resolves.toBeUndefined();
    for (const caller of [teacher, admin, as(ids.bob, 'student')]) {
      await expect(
        access.requireAccess(caller, Permission.ExperimentUse, ids.aliceRun),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("lets the class's teacher and admins manage it; a student is told FORBIDDEN, another teacher NOT_FOUND", async () => {
    await expect(access.requireAccess(teacher, Permission.ClassManage, ids.classA)).resolves.toBeUndefined();
    await expect(access.requireAccess(admin, Permission.ClassManage, ids.classA)).resolves.toBeUndefined();
    await expect(access.requireAccess(alice, Permission.ClassManage, ids.classA)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(
      access.requireAccess(otherTeacher, Permission.ClassManage, ids.classA),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('AccessService.requireActivityOpen', () => {
  const access = new AccessService(new FakeAccessRepository());
  const activityOf = (phase: number) => {
    const slug = SEANCE_1.phases.find((p) => p.number === phase)?.activities[0]?.slug;
    if (!slug) throw new Error(`no activity in phase ${phase}`);
    return slug;
  };

  it("refuses a student's start in a locked phase with ACTIVITY_LOCKED and lets the open phase through", async () => {
    const alice = as(ids.alice, 'student');
    await expect(access.requireActivityOpen(alice, activityOf(1))).resolves.toBeUndefined();
    await expect(access.requireActivityOpen(alice, activityOf(2))).rejects.toMatchObject({
      code: 'ACTIVITY_LOCKED',
      status: 403,
    });
  });

  it('never locks a teacher or an admin out', async () => {
    await expect(
      access.requireActivityOpen(as(ids.teacher, 'teacher'), activityOf(3)),
    ).resolves.toBeUndefined();
    await expect(access.requireActivityOpen(as(ids.admin, 'admin'), activityOf(2))).resolves.toBeUndefined();
  });
});
