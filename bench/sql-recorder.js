'use strict';
/**
 * Preloaded into the server (node -r bench/sql-recorder.js dist/api/main.js) for one short
 * capture run, never for a measured one: it appends every SQL statement the server sends
 * through pg (text, parameters, prepared statement name if any, start and end time) to the file named by BENCH_SQL_RECORD.
 * The ceiling (ceiling.ts) replays exactly these statements straight through pg.
 */
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_SQL_RECORD;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function recordedQuery(config, values, callback) {
    const text = typeof config === 'string' ? config : config && config.text;
    const name = config && typeof config === 'object' && config.name ? config.name : undefined;
    const params = config && typeof config === 'object' && config.values ? config.values : Array.isArray(values) ? values : undefined;
    const start = process.hrtime.bigint();
    const write = () =>
      appendFileSync(file, JSON.stringify({ name, text, values: params, start: String(start), end: String(process.hrtime.bigint()) }) + '\n');
    const args = Array.from(arguments);
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const done = args[last];
      args[last] = function () {
        write();
        return done.apply(this, arguments);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === 'function') result.then(write, write);
    return result;
  };
}
