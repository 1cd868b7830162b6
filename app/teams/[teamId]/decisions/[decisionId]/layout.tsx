import type { Metadata } from "next";
import type { ReactNode } from "react";
import { decisionTitle } from "@/lib/entry/pages";

type Params = Promise<{ teamId: string; decisionId: string }>;

/**
 * Every page of a decision is titled by the decision, so tabs, history and a screen reader's
 * announcement tell one decision from another: "Scores · <decision> · Verdict", and the decision's
 * own page "<decision> · Verdict".
 */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const title = await decisionTitle(await params);
  return title ? { title: { template: `%s · ${title} · Verdict`, default: title } } : {};
}

export default function DecisionLayout({ children }: { children: ReactNode }) {
  return children;
}
