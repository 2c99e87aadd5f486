/** node:http adapter: converts IncomingMessage → Request and Response → ServerResponse. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isResetError } from './faults';

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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
        else if (v !== undefined) headers.set(k, v);
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const request = new Request(`http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`, {
        method,
        headers,
        body,
      });
      handle(request).then(
        async (response) => {
          const out: Record<string, string> = {};
          response.headers.forEach((v, k) => {
            out[k] = v;
          });
          const buf = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, out);
          res.end(buf);
        },
        (err: unknown) => {
          if (isResetError(err)) {
            req.socket.destroy();
            return;
          }
          res.writeHead(500, { 'content-type': 'application/problem+json' });
          res.end(
            JSON.stringify({
              title: 'Internal Server Error',
              type: 'https://httpstatus.es/500',
              status: 500,
              detail: String(err),
            }),
          );
        },
      );
    });
  });
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
