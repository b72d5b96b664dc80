/**
 * Errors the app raises on purpose. `expose` says whether the message may be shown to the client;
 * anything else is an internal failure and the client sees a generic message.
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  /** Whether the client may see `code` and `message`: client errors by default, and any error that says so. */
  readonly expose: boolean;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; expose?: boolean },
  ) {
    super(message, options);
    this.expose = options?.expose ?? status < 500;
  }
}

export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, 'invalid_request', message, options);
  }
}

export class PayloadTooLargeError extends AppError {
  override readonly name = 'PayloadTooLargeError';
  constructor(limit: number) {
    super(413, 'payload_too_large', `request body is larger than ${limit} bytes`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor(expected: string) {
    super(415, 'unsupported_media_type', `request body must be ${expected}`);
  }
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(message = 'not found') {
    super(404, 'not_found', message);
  }
}

export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  constructor(message = 'a valid bearer token is required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class UnavailableError extends AppError {
  override readonly name = 'UnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    // Saying that the service is unavailable tells a client nothing about its internals.
    super(503, 'unavailable', message, { ...options, expose: true });
  }
}
