import { graphql } from '../../../gql';

/** Null or "" goes back to the server's default model. */
export const SetAgentModelMutation = graphql(`
  mutation SetAgentModel($agentId: ID!, $model: String) {
    setAgentModel(agentId: $agentId, model: $model) {
      ...AgentControlFields
    }
  }
`);
