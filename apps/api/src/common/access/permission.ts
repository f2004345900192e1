/** What a caller may do; the access helper decides per role and ownership. */
export enum Permission {
  /** Submit a training run (any signed-in user). */
  ExperimentCreate = 'experiment.create',
  /** See a run, its metrics, its trained model; follow it live (owner, teacher of its class, admin). */
  ExperimentRead = 'experiment.read',
  /** Cancel a run (owner, teacher of its class, admin). */
  ExperimentCancel = 'experiment.cancel',
  /** Use a run in one's own work: draw digits on it, cite it in a deliverable (its owner only). */
  ExperimentUse = 'experiment.use',
  /** See a class and the runs of its students; follow it live (its teacher, admin). */
  ClassRead = 'class.read',
  /** Run a class's lesson: lock phases, return deliverables, set the QCM (its teacher, admin; a student: 403). */
  ClassManage = 'class.manage',
}
