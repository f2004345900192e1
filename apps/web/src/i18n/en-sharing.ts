import type { frSharing } from './fr-sharing';

/** English texts of shared trainings (identical runs of a class) and of the class's seed setting. */
export const enSharing: typeof frSharing = {
  reused: {
    title: 'Same training already computed',
    text: 'An identical run of the class (same model, same settings, same data, same seed) has already finished: here are its results, straight away. Training it again would give the same.',
    retrain: 'Retrain anyway',
    retraining: 'Sending…',
  },
  attached: {
    title: 'Shared training',
    text: 'An identical run of the class was already started: you follow the same training, live, and will get the same results. Cancelling it stops it for you only.',
  },
  seed: {
    title: 'Training seed',
    hint: 'Runs that do not set their own seed take this one. The seed sets the draw of the initial weights and the order of the images.',
    class: 'One seed for the whole class (identical trainings shared)',
    student: 'One seed per student (varied results, every run trained)',
    saved: 'Saved.',
  },
};
