import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/**
 * Executes queries and mutations with documents compiled by graphql-jit instead of graphql-js's
 * interpreter: per request, graphql-js walks the document and the schema again for every field
 * of every row (hundreds on a list page); a compiled document is one generated function that
 * calls the same resolvers. Parsing and validation (including graphql-armor's limits) stay with
 * Apollo, which also caches the parsed document: the compiled form is cached per document object.
 *
 * Guards:
 * - A document is compiled the second time it is executed, so a client sending a new document
 *   on every request costs graphql-js execution, never a compile per request.
 * - Subscriptions (not served over HTTP) and anything graphql-jit refuses go to graphql-js.
 * - Variables that do not coerce: graphql-js answers, so the error (and Apollo's 400 /
 *   BAD_USER_INPUT for it) is exactly as before. No resolver has run at that point.
 */
export function createJitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | 'seen' | 'refused'>>();
  const interpret = (document: DocumentNode, context: unknown, variables: Record<string, unknown> | undefined, operationName: string | undefined) =>
    execute({ schema, document, contextValue: context, variableValues: variables, operationName }) as Promise<ExecutionResult> | ExecutionResult;

  return async (request) => {
    const { document, operation, context } = request;
    const operationName = request.operationName ?? undefined;
    const variables = request.request.variables;
    if (operation.operation === 'subscription') return interpret(document, context, variables, operationName);
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      byName.set(key, 'seen');
      return interpret(document, context, variables, operationName);
    }
    if (query === 'seen') byName.set(key, (query = safeCompile(schema, document, operationName) ?? 'refused'));
    if (query === 'refused') return interpret(document, context, variables, operationName);
    const result = await query.query(undefined, context, variables ?? {});
    // Errors and no data: the variables did not coerce (nothing ran). graphql-js words that answer.
    if (result.errors?.length && result.data === undefined) return interpret(document, context, variables, operationName);
    if (result.errors?.length) return { ...result, errors: result.errors.map(asGraphQLError) } as ExecutionResult;
    return result as ExecutionResult;
  };
}

/**
 * graphql-jit's errors are look-alikes with read-only properties; plugins (graphql-armor's
 * suggestion masking rewrites `message`) and formatters expect graphql-js's own class.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

function safeCompile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
  try {
    const result = compileQuery(schema, document, operationName);
    return isCompiledQuery(result) ? result : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Apollo Server 5 takes no executor for a server with a schema; its gateway interface is how an
 * executor is given. This "gateway" serves our own schema, loaded once, with the executor above.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return { executor: createJitExecutor(schema) };
    },
    async stop() {},
  };
}
