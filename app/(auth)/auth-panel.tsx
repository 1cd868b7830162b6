import type { ReactNode } from "react";
import { Card } from "../_components/ui";

export function AuthPanel({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-center text-2xl font-semibold tracking-tight">{title}</h1>
      {subtitle ? <p className="mb-6 text-center text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
      <Card>{children}</Card>
    </div>
  );
}
