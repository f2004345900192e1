import { ErrorCode, type TErrorCode, type TFieldError } from '@dlclass/contracts';

/** The one table mapping each domain error code to its HTTP status and default French message. */
export const ERROR_TABLE: Readonly<Record<TErrorCode, { status: number; message: string }>> = {
  [ErrorCode.ValidationFailed]: { status: 400, message: 'La requête contient des valeurs invalides.' },
  [ErrorCode.Unauthenticated]: { status: 401, message: 'Vous devez être connecté.' },
  [ErrorCode.InvalidCredentials]: { status: 401, message: 'Identifiants incorrects.' },
  [ErrorCode.TooManyAttempts]: {
    status: 429,
    message:
      'Trop de tentatives incorrectes. Attendez 15 minutes ou demandez à votre enseignant de vous aider.',
  },
  [ErrorCode.RateLimited]: {
    status: 429,
    message: 'Trop de requêtes : attendez un instant avant de réessayer.',
  },
  [ErrorCode.CsrfRejected]: {
    status: 403,
    message: "Requête refusée : elle ne vient pas de l'application (protection CSRF). Rechargez la page.",
  },
  [ErrorCode.PayloadTooLarge]: { status: 413, message: 'Le corps de la requête est trop volumineux.' },
  [ErrorCode.NotFound]: { status: 404, message: 'Élément introuvable.' },
  [ErrorCode.ClassNotFound]: { status: 404, message: 'Aucune classe ne correspond à ce code.' },
  [ErrorCode.ModelTooLarge]: { status: 400, message: 'Le modèle a trop de paramètres.' },
  [ErrorCode.InvalidArchitecture]: { status: 400, message: "L'architecture du modèle n'est pas valide." },
  [ErrorCode.NotCancellable]: { status: 409, message: 'Cette expérience est déjà terminée.' },
  [ErrorCode.ModelNotReady]: { status: 409, message: "Le modèle entraîné n'est pas encore disponible." },
  [ErrorCode.QueueUnavailable]: {
    status: 503,
    message:
      "La file d'attente des entraînements est indisponible pour le moment. Réessayez dans un instant.",
  },
  [ErrorCode.DatabaseUnavailable]: {
    status: 503,
    message: 'La base de données est momentanément indisponible. Réessayez dans un instant.',
  },
  [ErrorCode.StaleVersion]: {
    status: 409,
    message:
      'Ce travail a été modifié ailleurs (un autre onglet ?). Rechargez la dernière version avant de continuer.',
  },
  [ErrorCode.GradingConflict]: {
    status: 409,
    message: "Ce livrable a changé d'état entre-temps : rechargez la liste de correction.",
  },
  [ErrorCode.DeliverableLocked]: {
    status: 409,
    message:
      "Ce livrable a été rendu : il reste en lecture seule jusqu'à ce que votre enseignant vous le renvoie.",
  },
  [ErrorCode.ActivityLocked]: {
    status: 403,
    message: "Cette phase est verrouillée : attendez que votre enseignant l'ouvre.",
  },
  [ErrorCode.QuizTimeUp]: {
    status: 409,
    message: 'Le temps du QCM est écoulé : cette réponse n’a pas été prise en compte.',
  },
  [ErrorCode.QuizAttemptChanged]: {
    status: 409,
    message:
      'Cette tentative n’est plus celle en cours (elle a été rendue, peut-être dans un autre onglet) : rechargez la page.',
  },
  [ErrorCode.NoAttemptsLeft]: {
    status: 409,
    message: 'Vous avez utilisé toutes vos tentatives pour ce QCM.',
  },
  [ErrorCode.QuizBankInUse]: {
    status: 409,
    message:
      'Des élèves ont déjà commencé ce QCM : ses questions ne peuvent plus changer (leurs tentatives y renvoient).',
  },
  [ErrorCode.TooManyRunsAtOnce]: {
    status: 429,
    message: 'Vous avez déjà trop de runs en attente ou en cours : attendez qu’un run se termine.',
  },
  [ErrorCode.TooManyRunsPerHour]: {
    status: 429,
    message: 'Vous avez lancé trop de runs cette heure-ci : attendez un peu avant d’en lancer un autre.',
  },
  [ErrorCode.QuotaExceeded]: { status: 400, message: 'Ce run dépasse le quota de votre classe.' },
  [ErrorCode.RunTooLong]: {
    status: 400,
    message: 'Ce run durerait trop longtemps : réduisez les époques, les images ou la taille du modèle.',
  },
  [ErrorCode.NotRetryable]: { status: 409, message: 'Seul un run en échec peut être relancé.' },
  [ErrorCode.AlreadyRetried]: {
    status: 409,
    message: 'Ce run a déjà été relancé : sa relance est dans la liste des runs.',
  },
  [ErrorCode.Forbidden]: { status: 403, message: "Vous n'avez pas accès à cette ressource." },
  [ErrorCode.Internal]: { status: 500, message: 'Erreur interne du serveur.' },
};

/** An expected failure of a use case; the exception filter turns it into its HTTP answer. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: TErrorCode,
    message?: string,
    readonly fields?: TFieldError[],
    /** Code-specific facts for the client, e.g. `{currentVersion}` with STALE_VERSION. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_TABLE[code].message);
    this.name = 'DomainError';
    this.status = ERROR_TABLE[code].status;
  }
}
