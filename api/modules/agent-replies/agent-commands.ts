/** The commands a person can type in a chat with an agent. */
export type AgentCommand = 'help' | 'reset' | 'human';

const COMMANDS: Record<string, AgentCommand> = { '/help': 'help', '/reset': 'reset', '/human': 'human' };

/** "/help", "/reset", "/human" alone on the line (any case, surrounding spaces ignored). */
export function parseCommand(content: string): AgentCommand | null {
  return COMMANDS[content.trim().toLowerCase()] ?? null;
}

export const isCommand = (content: string) => parseCommand(content) !== null;

export function helpText(agentName: string, ownerName: string): string {
  return [
    `You are chatting with ${agentName}, an AI agent that ${ownerName} owns. ${ownerName} can read this conversation.`,
    'Commands:',
    '/help – this list',
    `/reset – ${agentName} forgets this conversation so far (you can still read it)`,
    `/human – ask ${ownerName} to join`,
  ].join('\n');
}
