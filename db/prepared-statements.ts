import type { Sql } from "postgres";

// Drizzle sends every query unnamed, so PostgreSQL parses and plans it again each time: for the
// short reads a page makes that is most of the database's work per request, and the driver handles
// a parameter description for each. postgres.js keeps named statements per connection, keyed by
// their text, and never forgets one, so only texts whose shape cannot grow with the data are named:
// no parameter lists (`in ($1, $2, …)`, `array[…]`, a multi-row insert's second row), nothing huge,
// and at most MAX_NAMED_TEXTS different texts per process, whatever this rule misses. A one-row
// insert is named: its text is the same whatever the values (each history event is one).

export const MAX_NAMED_TEXTS = 300;
const MAX_NAMED_LENGTH = 8_000;
/** A parenthesised run of parameters alone that is not a row of values, an array of them, or a second row. */
const GROWS_WITH_DATA = /(?<!\bvalues\s*)\(\s*\$\d+\s*(?:,\s*\$\d+\s*)+\)|\[\s*\$\d+\s*,|\)\s*,\s*\(/i;

export function shouldName(text: string, named: Set<string>): boolean {
  if (named.has(text)) return true;
  if (named.size >= MAX_NAMED_TEXTS || text.length > MAX_NAMED_LENGTH || GROWS_WITH_DATA.test(text)) return false;
  named.add(text);
  return true;
}

type Unsafe = Sql["unsafe"];
type Callback = (sql: Sql) => unknown;

/**
 * The client drizzle is given: the same postgres.js client, whose queries (in transactions and
 * savepoints too) are sent as named statements where shouldName allows.
 */
export function namingStatements(client: Sql, named: Set<string> = new Set()): Sql {
  const unsafe: Unsafe = (text, params, options) => client.unsafe(text, params, { ...options, prepare: options?.prepare || shouldName(text, named) });
  const wrapCallback = (args: unknown[]) => {
    const callback = args.at(-1) as Callback;
    return [...args.slice(0, -1), (sql: Sql) => callback(namingStatements(sql, named))];
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return unsafe;
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => open.apply(target, wrapCallback(args));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
