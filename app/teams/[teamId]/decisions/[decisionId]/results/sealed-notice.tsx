import type { ReactNode } from "react";
import { Card, PageHeader } from "@/app/_components/ui";

/** What the results page and its charts say before the reveal, or when the decision was withdrawn first. */
export function SealedNotice({ back, title, withdrawn }: { back: ReactNode; title: string; withdrawn: boolean }) {
  return (
    <>
      {back}
      <PageHeader title={title} />
      <Card>
        <p role="status">
          {withdrawn
            ? "This decision was withdrawn before its results were revealed."
            : "The results are sealed until the facilitator reveals them, so nobody anchors on anyone else’s weights or scores."}
        </p>
      </Card>
    </>
  );
}
