/**
 * Coded errors. `expose` decides whether the message may be shown to the caller (HTTP client
 * errors, Chinese replies to a user); anything else is a 500 / a generic apology, and only the
 * code goes to the log.
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly expose = status < 500,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string) => new AppError(code, message, 400);
export const unauthorized = (code: string, message: string) => new AppError(code, message, 401);
export const notFound = (code: string, message: string) => new AppError(code, message, 404);
export const unavailable = (code: string, message: string) => new AppError(code, message, 503, true);
