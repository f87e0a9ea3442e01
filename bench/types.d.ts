// autocannon ships no type declarations; the bench uses a small part of its API (load-http.ts).
declare module 'autocannon' {
  const autocannon: (options: Record<string, unknown>, callback?: (error: Error | null, result: any) => void) => any;
  export default autocannon;
}
