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
