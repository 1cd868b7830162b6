"use client";

import { useEffect, useRef, useState } from "react";

export type ListRow<F extends string> = { key: string } & Record<F, string>;

/** The same rule as the schema: a row with nothing typed in it is dropped, not an error. */
const isBlank = (row: Record<string, string>, fields: readonly string[]) => fields.every((f) => (row[f] ?? "").trim() === "");

/**
 * One editable list of rows (custom options, criteria). Keys of starting rows come from their
 * position (the same on the server and in the browser); rows added later get "<prefix>-new-N".
 * A new row's name input (id `${idPrefix}-${key}-name`) takes focus once it is on the page.
 */
export function useEditableRows<F extends string>({
  initial,
  fields,
  keyPrefix,
  idPrefix,
}: {
  initial: Record<F, string>[];
  fields: readonly F[];
  keyPrefix: string;
  idPrefix: string;
}) {
  const [rows, setRows] = useState<ListRow<F>[]>(() => initial.map((row, i) => ({ ...row, key: `${keyPrefix}-${i}` })));
  const nextKey = useRef(0);
  // A row added by the person takes the focus once it is on the page: after the render that adds it.
  const focusKey = useRef<string | null>(null);

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`${idPrefix}-${focusKey.current}-name`)?.focus();
    focusKey.current = null;
  });

  /** Keys of the rows the server will number: its errors say "criteria.2.name" counting only non-blank rows. */
  const filledKeys = () => rows.filter((row) => !isBlank(row, fields)).map((row) => row.key);

  const add = () => {
    const key = `${keyPrefix}-new-${nextKey.current++}`;
    const blank = Object.fromEntries(fields.map((f) => [f, ""])) as Record<F, string>;
    setRows((list) => [...list, { ...blank, key }]);
    focusKey.current = key;
  };
  const update = (key: string, field: F, value: string) => setRows((list) => list.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const remove = (key: string) => setRows((list) => list.filter((row) => row.key !== key));

  return { rows, filledKeys, add, update, remove };
}

export type EditableRows<F extends string> = ReturnType<typeof useEditableRows<F>>;
