export default async function globalTeardown(): Promise<void> {
  await (globalThis as any).__PARLEY_TEST_DB__?.drop();
}
