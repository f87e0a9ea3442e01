import { createTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  (globalThis as any).__PARLEY_TEST_DB__ = database;
}
