import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ProfileEntity } from './api/modules/profiles/profile.entity';
import { AgentEntity } from './api/modules/agents/agent.entity';
import { ConversationEntity } from './api/modules/conversations/conversation.entity';
import { ParticipantEntity } from './api/modules/conversations/participant.entity';
import { MessageEntity } from './api/modules/messages/message.entity';
import { InitialSchema1764000000000 } from './api/database/migrations/1764000000000-InitialSchema';
import { SessionsBlocksReports1764100000000 } from './api/database/migrations/1764100000000-SessionsBlocksReports';
import { Notifications1764200000000 } from './api/database/migrations/1764200000000-Notifications';
import { AgentReplies1764350000000 } from './api/database/migrations/1764350000000-AgentReplies';
import { RichMessages1764400000000 } from './api/database/migrations/1764400000000-RichMessages';
import { MessageUpdateSeq1764450000000 } from './api/database/migrations/1764450000000-MessageUpdateSeq';
import { Attachments1764600000000 } from './api/database/migrations/1764600000000-Attachments';
import { GroupChats1764650000000 } from './api/database/migrations/1764650000000-GroupChats';
import { SearchWindow1764700000000 } from './api/database/migrations/1764700000000-SearchWindow';

export const entities = [ProfileEntity, AgentEntity, ConversationEntity, ParticipantEntity, MessageEntity];
export const migrations = [InitialSchema1764000000000, SessionsBlocksReports1764100000000, Notifications1764200000000, AgentReplies1764350000000, RichMessages1764400000000, MessageUpdateSeq1764450000000, Attachments1764600000000, GroupChats1764650000000, SearchWindow1764700000000];

/**
 * The one TypeORM DataSource definition. Migrations are listed as classes (not globs) so
 * the same list works from ts-jest, ts-node and the compiled build. synchronize is never on.
 */
export function createDataSource(url: string, poolSize = 10, statementTimeoutMs = 10_000): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // statement_timeout: no statement holds a connection (and its locks) past the limit.
    // jit=off: our statements are short index walks; PostgreSQL's JIT is chosen by a plan's cost
    // estimate, and a generic plan's guess (10% of rows for an unknown LIMIT) made it compile a
    // messages page for 3–6 ms to run it in 0.1 ms. It pays only for long analytic queries.
    extra: { max: poolSize, options: `-c timezone=UTC -c statement_timeout=${statementTimeoutMs} -c jit=off` },
  });
}

/** For the TypeORM CLI (`npx typeorm -d ormconfig.ts ...`): reads DATABASE_URL. */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://localhost:5432/parley');
