import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it is sent, raw; port 0 picks a free one.
 * On a fixed port (the one the e2e server's SMTP_URL names) it waits up to `waitMs` for the port
 * to be free: the spec files that receive mail take turns on it when they run in parallel workers.
 */
export async function startSmtpReceiver(port = 0, waitMs = port === 0 ? 0 : 150_000) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  // SMTPServer passes its socket's errors on as its own "error" event, which would throw unheard; a
  // failed listen is read from the socket below.
  server.on("error", () => {});
  const until = Date.now() + waitMs;
  for (;;) {
    // events.once rejects a "listening" wait on an "error": either way, it says how the listen ended.
    const ended = once(server.server, "listening").then(
      () => null,
      (failure: NodeJS.ErrnoException) => failure,
    );
    server.listen(port, "127.0.0.1");
    const error = await ended;
    if (!error) break;
    if (error.code !== "EADDRINUSE" || Date.now() > until) throw error;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    received,
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
