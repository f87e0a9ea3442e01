import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from './config';

/**
 * Refuses hostile documents before they cost anything: too deep, too costly, too many aliases,
 * too many tokens, and (when introspection is off) no field suggestions that would reveal the
 * schema. graphql-armor is the maintained library for exactly this; the same rules guard HTTP
 * (Apollo plugins and validation rules) and WebSocket (validation rules in graphql-ws).
 */
export function createGraphqlLimits(config: Config) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphqlMaxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: config.graphqlMaxCost, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.graphqlMaxAliases },
    maxTokens: { n: config.graphqlMaxTokens },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: !config.introspection },
  });
  return armor.protect();
}
