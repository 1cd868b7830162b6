import { Link } from "@/app/_components/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        This page does not exist, or you do not have access to it. If a teammate sent you here, ask them to invite you to their team.
      </p>
      <Link href="/teams" className="mt-6 inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
        Go to your teams
      </Link>
    </div>
  );
}
