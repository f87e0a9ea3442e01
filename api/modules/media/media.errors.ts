/**
 * Why an upload or a download was refused: an HTTP status and a stable code, answered as
 * `{ errors: [{ message, extensions: { code } }] }` like GraphQL errors.
 */
export type MediaErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'TOO_MANY_UPLOADS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RANGE_NOT_SATISFIABLE';

const STATUS: Record<MediaErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_FILES: 400,
  TOO_MANY_UPLOADS: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
};

export class MediaError extends Error {
  readonly status: number;
  constructor(readonly code: MediaErrorCode, message: string) {
    super(message);
    this.status = STATUS[code];
  }

  get body() {
    return { errors: [{ message: this.message, extensions: { code: this.code } }] };
  }
}
