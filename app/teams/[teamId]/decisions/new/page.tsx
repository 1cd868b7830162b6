import { Link } from "@/app/_components/link";
import { PageHeader } from "@/app/_components/ui";
import { DEFAULT_CRITERIA } from "@/db/catalog";
import { listFrameworks } from "@/db/queries/frameworks";
import { teamPage, teamPageMetadata } from "@/lib/entry/pages";
import { DecisionForm } from "../_components/decision-form/decision-form";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string }> }) => teamPageMetadata(params, "decision.create", "New decision");

export default async function NewDecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId } = await params;
  // Frameworks ticked in the catalog arrive shortlisted; anything not in the catalog is ignored.
  const ticked = ([] as string[]).concat((await searchParams).framework ?? []);
  // Viewers cannot start decisions; like non-members, they get the not-found page.
  const { db, teamName } = await teamPage(teamId, "decision.create", `/teams/${teamId}/decisions/new`);
  const catalog = await listFrameworks(db);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/decisions`} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {teamName} decisions
        </Link>
      </p>
      <PageHeader
        title="New decision"
        description="Shortlist the options and agree on the criteria. The decision starts as a draft: you can change it until you open weighting."
      />
      <DecisionForm
        teamId={teamId}
        catalog={catalog.map((f) => ({ slug: f.slug, name: f.name, language: f.language }))}
        initial={{
          title: "",
          context: "",
          frameworks: catalog.filter((f) => ticked.includes(f.slug)).map((f) => f.slug),
          customOptions: [],
          criteria: DEFAULT_CRITERIA.map((c) => ({ name: c.name, description: c.description })),
          anonymous: false,
          weightingDeadline: "",
          scoringDeadline: "",
        }}
        cancelHref={`/teams/${teamId}/decisions`}
      />
    </>
  );
}
