/** node:http adapter: converts IncomingMessage → Request and Response → ServerResponse. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isResetError } from './faults';
import { answerClientErrors, RequestRefused, sendRefusal, toWebRequest } from './node-request';

/** A running HTTP server. */
export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves `handle` on host:port (port 0 = any free port). */
export function listenWith(
  handle: (req: Request) => Promise<Response>,
  port: number,
  host = '127.0.0.1',
): Promise<Listening> {
  const fallbackHost = `${host}:${port}`;
  // Every step runs inside one try: a request the web Request cannot express gets a 4xx, the server lives.
  const server = createServer(async (req, res) => {
    try {
      const response = await handle(await toWebRequest(req, fallbackHost));
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        out[k] = v;
      });
      const buf = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, out);
      res.end(buf);
    } catch (err) {
      if (err instanceof RequestRefused) return sendRefusal(res, err);
      if (isResetError(err)) return void req.socket.destroy();
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          title: 'Internal Server Error',
          type: 'https://httpstatus.es/500',
          status: 500,
          detail: String(err),
        }),
      );
    }
  });
  answerClientErrors(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${addr.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
