/**
 * One error for HTTP: a status, a string `code` a program can test, a message a person
 * understands, and details (e.g. the problems of an invalid map). Every route throws it; the
 * app's `onError` turns it into `{error: {code, message, details}}`.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} was not found`);
