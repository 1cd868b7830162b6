import { createServer, type IncomingHttpHeaders } from "node:http";
import type { DeliveryOptions } from "../../lib/services/webhook-outbox";

// A real HTTP receiver for webhook tests, on a port of the test's own: it keeps every request and
// answers with the status the test chooses (200 unless told otherwise).

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export type WebhookReceiver = {
  received: ReceivedRequest[];
  /** The status the next requests get. */
  answerWith: (status: number) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(port: number): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    received,
    answerWith: (next) => void (status = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What every integration test's worker delivers with. Any file's worker may run another file's
 * webhook jobs on the shared PostgreSQL database, so all of them deliver alike: private addresses
 * allowed (the receivers are on 127.0.0.1), quick retries, the same origin for links.
 */
export const TEST_DELIVERY_OPTIONS: DeliveryOptions = {
  policy: { allowPrivate: true },
  origin: "https://verdict.example",
  retryBaseMs: 200,
  timeoutMs: 2_000,
};
