import { redirect } from "next/navigation";
import { teamPage } from "@/lib/entry/pages";

/**
 * Where the catalog's "Start a decision" form goes (a plain GET, so it works without JavaScript):
 * on to the chosen team's new-decision form with the ticked frameworks shortlisted.
 */
export default async function StartFromCatalog({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const team = typeof params.team === "string" ? params.team : "";
  const ticked = ([] as string[]).concat(params.framework ?? []).filter((slug) => /^[a-z0-9-]{1,60}$/.test(slug));
  const query = new URLSearchParams(ticked.slice(0, 12).map((slug) => ["framework", slug]));
  const { teamId } = await teamPage(team, "decision.create", `/frameworks`);
  redirect(`/teams/${teamId}/decisions/new${ticked.length > 0 ? `?${query}` : ""}`);
}
