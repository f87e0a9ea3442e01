import { createHash } from 'node:crypto';

/**
 * The shape of a seeded data set, as pure arithmetic: which people are in which conversation
 * and how many messages it holds follow from the conversation's index, so the seed (SQL) and
 * the load generators (JS) agree without looking anything up.
 *
 * Conversation indexes [0, heavyUsers * heavyPerUser) are the heavy users' PROFILE chats:
 * heavy user h talks to people h+100 … h+100+heavyPerUser-1. The rest are "bulk" chats between
 * person a and a+d (d = 1, 2, …), every tenth of them an AGENT chat with the other's agent.
 * Conversation 0 (heavy user 0 with person 100) is the long one.
 */
export interface Size {
  name: 'large' | 'small';
  database: string;
  people: number;
  heavyUsers: number;
  heavyPerUser: number;
  bulkConversations: number;
  longMessages: number;
}

export const SIZES: Record<Size['name'], Size> = {
  // 10,000 people, 100,000 conversations, 1,000,000 messages; 5 heavy users with 2,000+ chats each.
  large: { name: 'large', database: 'parley_bench', people: 10_000, heavyUsers: 5, heavyPerUser: 2_000, bulkConversations: 90_000, longMessages: 50_005 },
  // A tenth: 1,000 people, 10,000 conversations, 100,000 messages; heavy users with 895+ chats.
  small: { name: 'small', database: 'parley_bench_small', people: 1_000, heavyUsers: 5, heavyPerUser: 895, bulkConversations: 5_525, longMessages: 5_005 },
};

/** Bumped whenever the seed's output changes, so an old bench database is seeded again. */
export const SEED_VERSION = 1;
export const BENCH_PASSWORD = 'bench-password';

export const conversationCount = (s: Size) => s.heavyUsers * s.heavyPerUser + s.bulkConversations;
/** Messages in conversation i (5 … 14, averaging 9.5; the long one more). */
export const messageCount = (s: Size, i: number) => (i === 0 ? s.longMessages : 5 + (i % 10));
export function totalMessages(s: Size): number {
  let total = 0;
  for (let i = 0; i < conversationCount(s); i++) total += messageCount(s, i);
  return total;
}

/**
 * Deterministic version-4-shaped UUID from a label: md5, with the version nibble set to 4 and
 * the variant to 8, so the API's UUID validation accepts it. The SQL twin is bench_id() in seed.ts.
 */
export function benchId(label: string): string {
  const h = createHash('md5').update(`parley-bench:${label}`).digest('hex').split('');
  h[12] = '4';
  h[16] = '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const profileId = (i: number) => benchId(`p${i}`);
export const agentId = (i: number) => benchId(`a${i}`);
export const conversationId = (i: number) => benchId(`c${i}`);

export interface ConversationShape {
  index: number;
  id: string;
  /** The person who started it (index), and the other. */
  initiator: number;
  other: number;
  agent: boolean;
  messages: number;
}

export function conversationShape(s: Size, i: number): ConversationShape {
  const heavy = s.heavyUsers * s.heavyPerUser;
  let initiator: number;
  let other: number;
  let agent = false;
  if (i < heavy) {
    initiator = Math.floor(i / s.heavyPerUser);
    other = initiator + 100 + (i % s.heavyPerUser);
  } else {
    const j = i - heavy;
    initiator = j % s.people;
    other = (initiator + 1 + Math.floor(j / s.people)) % s.people;
    agent = j % 10 === 9;
  }
  return { index: i, id: conversationId(i), initiator, other, agent, messages: messageCount(s, i) };
}

/** Bulk PROFILE chats, far from the heavy users: where spread-out sends go. */
export function sendPool(s: Size, count: number): ConversationShape[] {
  const heavy = s.heavyUsers * s.heavyPerUser;
  const out: ConversationShape[] = [];
  for (let i = heavy; out.length < count && i < conversationCount(s); i += 7) {
    const c = conversationShape(s, i);
    if (!c.agent && c.initiator >= 10 && c.other >= 10) out.push(c);
  }
  return out;
}

/** Conversations between distinct pairs of people (each person in exactly one), for sockets. */
export function disjointPairs(s: Size, count: number): ConversationShape[] {
  const used = new Set<number>();
  const out: ConversationShape[] = [];
  const heavy = s.heavyUsers * s.heavyPerUser;
  for (let i = heavy; out.length < count && i < conversationCount(s); i++) {
    const c = conversationShape(s, i);
    if (c.agent || c.initiator < 10 || c.other < 10 || used.has(c.initiator) || used.has(c.other)) continue;
    used.add(c.initiator);
    used.add(c.other);
    out.push(c);
  }
  return out;
}

/** The chat that every "all in one conversation" send goes to: heavy user 1's first chat. */
export const hotConversation = (s: Size) => conversationShape(s, s.heavyPerUser);
/** The long conversation that messages(last: 50) reads. */
export const longConversation = (s: Size) => conversationShape(s, 0);
