// Errors a user can act on. Anything else is logged and shown as a generic failure.
export class AppError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for things that exist but the caller may not see, so nothing leaks. */
export class NotFoundError extends AppError {}
export class ForbiddenError extends AppError {}
export class ConflictError extends AppError {}
/** The session behind the request was signed out, revoked or has expired since the cookie was set. */
export class SignedOutError extends AppError {}
