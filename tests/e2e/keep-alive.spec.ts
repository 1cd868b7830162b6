import net from "node:net";
import { expect, test } from "@playwright/test";

// A load balancer (nginx's upstream keepalive, a cloud balancer's 60 s idle timeout) reuses an idle
// connection to the app server for as long as it thinks it is open. Node closes idle connections
// after 5 s by default, so a request sent just as the server closes one is lost as a reset: a 502
// for someone. The server keeps them longer than such balancers do (`npm start`, and serve.sh as it).

const okAnswers = (received: string) => received.match(/^HTTP\/1\.1 200 /gm)?.length ?? 0;

test("an idle keep-alive connection is still open after 7 s, and answers the next request", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const url = new URL(baseURL!);
  const socket = net.connect(Number(url.port), url.hostname);
  let received = "";
  let closed = false;
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("close", () => (closed = true));
  const request = `GET /sign-in HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`;
  try {
    socket.write(request);
    await expect.poll(() => okAnswers(received)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(closed, "the server closed the idle connection").toBe(false);
    socket.write(request);
    await expect.poll(() => okAnswers(received)).toBe(2);
  } finally {
    socket.destroy();
  }
});
