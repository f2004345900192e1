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
  [ErrorCode.Internal]: { status: 500, message: 'Erreur interne du serveur.' },
};

/** An expected failure of a use case; the exception filter turns it into its HTTP answer. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: TErrorCode,
    message?: string,
    readonly fields?: TFieldError[],
  ) {
    super(message ?? ERROR_TABLE[code].message);
    this.name = 'DomainError';
    this.status = ERROR_TABLE[code].status;
  }
}
