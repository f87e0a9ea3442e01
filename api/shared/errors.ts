import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DatabaseError } from 'pg';
import type { Logger } from './logger';

/**
 * Every error a client may see is one of these: a stable `extensions.code` from the
 * public contract and a message written for a person. Anything else is reported as
 * INTERNAL_SERVER_ERROR with no detail, so neither SQL nor a stack trace leaks.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown> = {};
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be signed in') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

export class BadInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.extensions.field = field;
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.extensions.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Apollo's own codes for requests that never reached a resolver; they carry no internals. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function flattenValidation(issues: ValidationIssue[], prefix = ''): { field: string; message: string }[] {
  return issues.flatMap((issue) => {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = Object.values(issue.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flattenValidation(issue.children ?? [], field));
  });
}

/** The one place where thrown errors become what clients see. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
    }
    // class-validator failures from TypeGraphQL's input validation
    // (checked by class: it is a GraphQLError, so its `name` is 'GraphQLError', not its class name)
    if (original instanceof ArgumentValidationError) {
      const issues = flattenValidation((original.extensions.validationErrors ?? []) as ValidationIssue[]);
      const message = issues.length ? issues.map((i) => i.message).join('; ') : 'Invalid input';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT', fields: issues } };
    }
    // PostgreSQL text cannot hold U+0000 (invalid byte sequence 0x00): bad input that only the database notices, in any text field.
    if (original instanceof DatabaseError && original.code === '22021') {
      return { ...base, message: 'Text must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
      return { ...base, extensions: { code } };
    }
    if (original instanceof GraphQLError && original.extensions?.code === undefined && !original.originalError) {
      // Errors graphql-js raises itself (bad variables, coercion failures) describe the request, not the server.
      return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
    }
    logger.error({ err: original }, 'unexpected error while serving a request');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
