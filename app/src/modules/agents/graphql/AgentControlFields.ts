import { graphql } from '../../../gql';

/** What only an agent's owner sees of it: whether it answers, and with what. */
export const AgentControlFieldsFragment = graphql(`
  fragment AgentControlFields on Agent {
    id
    paused
    model
    responder
  }
`);
