import 'reflect-metadata';
import { loadConfig } from '../api/shared/config';
import { createLogger } from '../api/shared/logger';
import { openDatabase } from '../api/database/database';

/** `npm run reports [-- --limit N]`: the newest message reports, for the operator. */
async function main() {
  const limitArg = process.argv.indexOf('--limit');
  const limit = limitArg > 0 ? Math.max(1, Math.min(1000, Number(process.argv[limitArg + 1]) || 50)) : 50;
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  const rows = await database.dataSource.query(
    `SELECT r.created_at AS "reportedAt", rp.handle AS reporter, sp.handle AS sender, r.reason,
            left(m.content, 80) AS message, r.conversation_id AS "conversationId", r.message_id AS "messageId"
       FROM reports r JOIN profiles rp ON rp.id = r.reporter_id JOIN messages m ON m.id = r.message_id
       LEFT JOIN profiles sp ON sp.id = m.sender_id
      ORDER BY r.created_at DESC LIMIT $1`,
    [limit],
  );
  if (rows.length === 0) console.log('no reports');
  else console.table(rows);
  await database.close();
}

main().catch((error) => {
  console.error('could not list reports:', error instanceof Error ? error.message : error);
  process.exit(1);
});
