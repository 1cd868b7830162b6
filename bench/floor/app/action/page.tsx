import { Sheet } from "./sheet";

/** The same 100 selects as the score sheet, posting to a bare server action. */
export default async function ActionPage({ searchParams }: { searchParams: Promise<{ d?: string; u?: string; o?: string; c?: string }> }) {
  const { d = "", u = "", o = "", c = "" } = await searchParams;
  return <Sheet decisionId={d} userId={u} options={o.split(",")} criteria={c.split(",")} />;
}
