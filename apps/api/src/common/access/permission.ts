/** What a caller may do; the access helper decides per role and ownership. */
export enum Permission {
  /** Submit a training run (any signed-in user). */
  ExperimentCreate = 'experiment.create',
  /** See a run, its metrics, its trained model; follow it live (owner, teacher of its class, admin). */
  ExperimentRead = 'experiment.read',
  /** Cancel a run (owner, teacher of its class, admin). */
  ExperimentCancel = 'experiment.cancel',
  /** See a class and the runs of its students; follow it live (its teacher, admin). */
  ClassRead = 'class.read',
}
