import { ClassType, Field, ObjectType } from 'type-graphql';
import { BadInputError } from './errors';

@ObjectType({ description: 'Where a page sits in a list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items exist after this page (newer, for messages).' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'More items exist before this page (older, for messages).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor: pass it as `after` or `before` to page from here.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${what}s of this page with their cursors.` })
    edges: Edge[];

    @Field(() => [nodeType], { description: `The ${what}s of this page.` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Whether there is more before or after this page.' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** Cursors are opaque to clients: base64url of a small JSON array. */
export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, field: string, shape: ('string' | 'number')[]): any[] {
  try {
    if (cursor.length > 200) throw new Error('too long');
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== shape.length) throw new Error('shape');
    parts.forEach((p, i) => {
      if (typeof p !== shape[i]) throw new Error('type');
    });
    return parts;
  } catch {
    throw new BadInputError(`${field} is not a valid cursor`, field);
  }
}
