import { Link } from "@/app/_components/link";
import { BackLink, Card, PageHeader } from "@/app/_components/ui";
import { listFrameworks } from "@/db/queries/frameworks";
import { loadStructure } from "@/db/queries/decisions";
import { closedPhaseMessage, isEditable } from "@/lib/domain/phases";
import { DecisionForm } from "../../_components/decision-form/decision-form";
import { loadDecisionPage } from "../load";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params, "Edit decision");

/** A stored instant as a datetime-local value in UTC; the form shows it in the browser's zone. */
const utcLocal = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

export default async function EditDecisionPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { db, access, decision, teamId, base } = await loadDecisionPage(params, "/edit");
  // Members who cannot edit are told why, rather than shown a not-found page for a decision they can see.
  const refusal = !access.facilitates
    ? "Only the facilitator of this decision, or a team owner or admin, can edit it."
    : !isEditable(decision.status)
      ? closedPhaseMessage(decision.status, "edit")
      : null;

  const back = <BackLink href={base}>{decision.title}</BackLink>;

  if (refusal) {
    return (
      <>
        {back}
        <PageHeader title="Edit decision" />
        <Card>
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {refusal}
          </p>
          <Link href={base} className="mt-4 inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
            Back to the decision
          </Link>
        </Card>
      </>
    );
  }

  const [structure, catalog] = await Promise.all([loadStructure(db, decision.id), listFrameworks(db)]);
  return (
    <>
      {back}
      <PageHeader title="Edit decision" description="Change the options, criteria and settings while this is a draft. Once weighting opens, they are fixed." />
      <DecisionForm
        teamId={teamId}
        catalog={catalog.map((f) => ({ slug: f.slug, name: f.name, language: f.language }))}
        initial={{
          title: decision.title,
          context: decision.context,
          frameworks: structure.options.flatMap((o) => (o.frameworkSlug ? [o.frameworkSlug] : [])),
          customOptions: structure.options.filter((o) => !o.frameworkSlug).map((o) => ({ name: o.name, description: o.description, link: o.link ?? "" })),
          criteria: structure.criteria.map((c) => ({ name: c.name, description: c.description })),
          anonymous: decision.anonymous,
          weightingDeadline: utcLocal(decision.weightingDeadline),
          scoringDeadline: utcLocal(decision.scoringDeadline),
        }}
        edit={{ decisionId: decision.id, version: decision.version }}
        cancelHref={base}
      />
    </>
  );
}
