import { validate as isUuid } from 'uuid';
import { BadInputError } from './errors';

/** IDs in the contract are GraphQL `ID`s (any string); we only accept UUIDs. */
export function assertUuid(value: string, field: string): string {
  if (typeof value !== 'string' || !isUuid(value)) throw new BadInputError(`${field} must be a UUID`, field);
  return value.toLowerCase();
}

export function assertRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`${field} must be between ${min} and ${max}`, field);
  }
  return value;
}

/**
 * Free text from a client (a message, a group title, an agent's note): trimmed, not empty unless
 * `allowEmpty`, no NUL (PostgreSQL text cannot hold it), at most `max` characters (code points, so
 * an emoji counts once) when given.
 */
export function assertText(raw: string | null | undefined, field: string, { max, allowEmpty = false }: { max?: number; allowEmpty?: boolean } = {}): string {
  const value = (raw ?? '').trim();
  if (value.length === 0 && !allowEmpty) throw new BadInputError(`${field} must not be empty`, field);
  if (value.includes('\u0000')) throw new BadInputError(`${field} must not contain NUL characters`, field);
  if (max !== undefined && value.length > max && [...value].length > max) throw new BadInputError(`${field} must be at most ${max} characters`, field);
  return value;
}
