/**
 * One measurement: autocannon holds `connections` keep-alive connections open for `duration`
 * seconds, each one a different member (its own cookie or header), and every response is timed
 * and checked. Latency percentiles come from every response's own time, not from autocannon's
 * summary (which has no p95).
 */
import autocannon from "autocannon";

export type Target = {
  url: string;
  method?: "GET" | "POST" | "PUT";
  body?: Buffer;
  /** Headers of the n-th connection: who it is. */
  headersFor: (connection: number) => Record<string, string>;
  /** Whether a 2xx response is the page or the saved state it should be; anything else counts as an error. */
  verify: (body: string) => boolean;
};

export type Measured = {
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** non-2xx, timeouts, connection errors and responses that failed `verify`. */
  errors: number;
  /** Responses with a 2xx status that passed `verify`. */
  ok: number;
  /** Mean bytes per response on the wire (headers included, uncompressed). */
  bytes: number;
  detail: { non2xx: number; timeouts: number; socketErrors: number; mismatches: number; unanswered: number };
};

export const TIMEOUT_SECONDS = Number(process.env.BENCH_TIMEOUT ?? 10);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function drive(target: Target, connections: number, duration: number): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  let ok = 0;
  let wrong = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? "GET",
        body: target.body,
        connections,
        duration,
        timeout: TIMEOUT_SECONDS,
        // Each connection gets its own copy of the options, so each can be a different member.
        setupClient: (client) => client.setHeaders(target.headersFor(next++)),
        requests: [
          {
            onResponse: (status, body) => {
              if (status < 200 || status >= 300) return; // counted by autocannon as non-2xx
              if (target.verify(String(body))) ok++;
              else wrong++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        // A run in which no response came back (and none failed) within the duration measured nothing: a failure too.
        const unanswered = times.length === 0 && result.errors === 0 ? connections : 0;
        resolve({
          connections,
          rps: times.length / result.duration,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: result.non2xx + result.errors + wrong + unanswered,
          ok,
          bytes: times.length ? bytes / times.length : 0,
          detail: {
            non2xx: result.non2xx,
            timeouts: result.timeouts,
            socketErrors: result.errors - result.timeouts,
            mismatches: wrong,
            unanswered,
          },
        });
      },
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      times.push(responseTime);
      bytes += resBytes;
    });
  });
}
