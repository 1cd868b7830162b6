"use client";

import { useActionState } from "react";
import { saveSheet } from "./actions";

export function Sheet({ decisionId, userId, options, criteria }: { decisionId: string; userId: string; options: string[]; criteria: string[] }) {
  const [state, action] = useActionState(saveSheet, null);
  return (
    <form action={action}>
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="userId" value={userId} />
      {options.map((o) =>
        criteria.map((c) => (
          <select key={`${o}.${c}`} name={`scores.${o}.${c}.score`} defaultValue="3" aria-label={`${o} ${c}`}>
            {[1, 2, 3, 4, 5].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )),
      )}
      <button type="submit">Save</button>
      <p role="status">{state?.message}</p>
    </form>
  );
}
