/** Download link for the team's tech radar, a CSV for Thoughtworks' Build Your Own Radar. */
export function RadarLink({ teamId }: { teamId: string }) {
  return (
    <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
      <a href={`/teams/${teamId}/decisions/radar.csv`} download className="font-medium text-brand-600 hover:underline dark:text-brand-100">
        Download the tech radar (CSV)
      </a>
      : the options chosen in decided decisions, for Thoughtworks’ Build Your Own Radar. Superseded or deprecated choices are on hold.
    </p>
  );
}
