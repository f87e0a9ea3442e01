import { BuiltinResponder, compose } from './builtin-responder';
import type { KnowledgePassage } from './responder';

const note = (title: string, body: string, rank: number, coverage: number): KnowledgePassage => ({ id: title, title, body, excerpt: body, rank, coverage });
const names = { agentName: 'Helper', ownerName: 'Olivia' };

describe('the built-in responder', () => {
  it('quotes the note that covers the question, and a close second', () => {
    const text = compose({ ...names, question: 'refund for a damaged item?', knowledge: [note('Refunds', 'Full refund in 30 days.', 0.6, 0.67), note('Damage', 'Send a photo.', 0.5, 0.34)] });
    expect(text).toBe("Here is what Olivia's notes say about that:\n\nRefunds\nFull refund in 30 days.\n\nAlso:\n\nDamage\nSend a photo.\n\nIf that does not answer it, Olivia can read this conversation.");
  });

  it('does not pass off a note that shares one stray word with a long question as an answer', () => {
    const text = compose({ ...names, question: 'can you tell me the time of the next train to Paris', knowledge: [note('Opening hours', 'We open at nine.', 0.1, 0.2)] });
    expect(text).toBe("I'm sorry, I don't have anything about that in Olivia's notes, so I won't guess. Olivia can read this conversation and will see your message.");
  });

  it('answers a greeting with who it is', () => {
    expect(compose({ ...names, question: 'Hello!', knowledge: [] })).toMatch(/^Hello! I'm Helper, Olivia's agent\./);
  });

  it('streams the reply word by word and stops when aborted', async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const request = { ...names, question: 'Hi', knowledge: [], model: undefined, turns: [], signal: controller.signal };
    await expect(
      (async () => {
        for await (const piece of new BuiltinResponder().stream(request)) {
          pieces.push(piece);
          if (pieces.length === 3) controller.abort(new Error('stop'));
        }
      })(),
    ).rejects.toThrow('stop');
    expect(pieces).toEqual(['Hello! ', "I'm ", 'Helper, ']);
  });
});
