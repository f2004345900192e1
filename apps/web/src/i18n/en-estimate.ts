import type { frEstimate } from './fr-estimate';

/** English texts of the launch-time estimates: before the click, beside the real times, for a class. */
export const enEstimate: typeof frEstimate = {
  duration: {
    seconds: '{seconds} s',
    minutes: '{minutes} min {seconds} s',
    wholeMinutes: '{minutes} min',
    hours: '{hours} h {minutes} min',
  },
  launch: {
    startsNow: '≈ {duration}, starts right away',
    startsIn: '≈ {duration}, starts in ~{wait}',
    noWorker: '≈ {duration}; no training server is running at the moment',
    attached: '{estimate} — an identical run the class already started',
    reused: 'At once: the same run the class already computed',
    prior: 'Rough estimate: no run has been measured on this server yet.',
    measured: 'From the measured speed of the training servers.',
    pending: 'Estimating the duration…',
    failed: 'No duration estimate for now.',
  },
  details: {
    title: 'Estimated before the launch, and real',
    duration: 'Duration — estimated: {estimated} · real: {real}',
    wait: 'Wait before the start — estimated: {estimated} · real: {real}',
    pending: 'in progress',
    noWorker: 'no server running',
    prior: 'Rough estimate (no run measured yet).',
  },
  classTime: {
    title: 'Run size of the class',
    intro:
      'The number of epochs and training images your students’ editor starts from. The smaller they are, the sooner the whole class has its results.',
    hello: 'Hello World',
    challenge: 'Guided challenge',
    epochs: 'Epochs',
    trainSize: 'Training images',
    between: 'Between {min} and {max}',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Run size saved: your students’ editor now starts from it.',
    oneRun: 'One run (reference model): ≈ {duration}.',
    shared:
      'With one seed for the whole class, this identical run is trained once for everyone: the class has its results in ≈ {duration}.',
    everyone:
      'If each student trains their own (students: {students}; runs at a time: {slots}): ≈ {duration} for the whole class.',
    noWorker:
      'No training server is running: the class time cannot be estimated (one run alone: ≈ {duration}).',
    prior: 'Rough estimate until a run has been measured on this server.',
  },
};
