import * as drizzle from "drizzle-orm";
import type { Query } from "drizzle-orm";
import type { Executor } from "./client";

// Drizzle builds a query's text anew each time it runs, walking every column of the selection and
// testing each piece's class; for the select every request starts with (session, role and the
// decision's thirty columns through a lateral subquery) that was a tenth of a score sheet save's
// CPU in the server. A compiled select is built once, with placeholders where its values go; a run
// fills them in on the executor it is given (a transaction too) and maps the rows as drizzle's own
// select does. This reaches past drizzle's typed surface (a session's prepareQuery, the select's
// map of nullable joins, orderSelectedFields), which is the same in the postgres.js and PGlite
// drivers of the pinned 0.45 release; tests/integration/compiled-select.test.ts checks it on both.

/** What a compiled select needs of a drizzle select builder. */
type SelectBuilder = { toSQL(): Query; _: { selectedFields: Record<string, unknown>; result: unknown } };

type Internals = {
  orderSelectedFields(fields: Record<string, unknown>): unknown[];
};
type PreparedSelect = { joinsNotNullableMap?: Record<string, boolean>; execute(values: Record<string, unknown>): Promise<unknown> };
type SessionOf = { session: { prepareQuery(query: Query, fields: unknown[], name: undefined, arrayMode: true): PreparedSelect } };

const { orderSelectedFields } = drizzle as unknown as Internals;

/**
 * A select built once by `build` (with `sql.placeholder(name)` where its values go) and run as often as needed:
 * `run(db, values)` gives each placeholder its value and answers the rows drizzle's select would.
 */
export function compiledSelect<B extends SelectBuilder>(build: (db: Executor) => B) {
  let compiled: { query: Query; fields: unknown[]; joinsNotNullableMap: Record<string, boolean> } | undefined;
  return (db: Executor, values: Record<string, unknown>): Promise<B["_"]["result"]> => {
    if (!compiled) {
      const builder = build(db);
      const { joinsNotNullableMap = {} } = builder as unknown as PreparedSelect;
      compiled = { query: builder.toSQL(), fields: orderSelectedFields(builder._.selectedFields), joinsNotNullableMap };
    }
    const prepared = (db as unknown as SessionOf).session.prepareQuery(compiled.query, compiled.fields, undefined, true);
    prepared.joinsNotNullableMap = compiled.joinsNotNullableMap;
    return prepared.execute(values) as Promise<B["_"]["result"]>;
  };
}
