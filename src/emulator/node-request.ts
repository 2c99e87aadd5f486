/**
 * Reading a node:http request safely: the body capped (413 past the cap, never held whole), the method and
 * the Host header checked before a web `Request` is built (its constructor throws on TRACE, `Host: a b`,
 * `Host: [::1`), so a hostile request gets a 4xx answer and the server lives on.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Largest request body read, bytes: 250 entities per batch write fit many times over. */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

/** What after the cap is still read and thrown away so the client can see the 413 before the socket closes. */
const DISCARD_AFTER_CAP_BYTES = 8 * MAX_REQUEST_BODY_BYTES;

/** Methods a web Request can carry and the emulator may answer; TRACE, TRACK and CONNECT are refused. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A request the emulator refuses before routing, with the status and the reason to answer. */
export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The request body, at most `max` bytes; throws RequestRefused(413) past it (the rest is drained, not kept). */
export function readCappedBody(req: IncomingMessage, max = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > max;
    const refuse = () => {
      over = true;
      chunks.length = 0;
      reject(new RequestRefused(413, `Request body larger than ${max} bytes`));
    };
    if (over) refuse();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (over) {
        if (size > max + DISCARD_AFTER_CAP_BYTES) req.destroy();
        return;
      }
      if (size > max) return refuse();
      chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!over) reject(err);
    });
  });
}

/** The absolute URL of a node request, or RequestRefused(400) when the Host header cannot be one. */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const host = req.headers.host ?? fallbackHost;
  const target = req.url ?? '/';
  // A Host is a name or address with an optional port; anything else would let the URL parser pick the origin.
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host))
    throw new RequestRefused(400, 'Invalid Host header');
  if (!target.startsWith('/')) throw new RequestRefused(400, 'Invalid request target');
  try {
    return new URL(`http://${host}${target}`);
  } catch {
    throw new RequestRefused(400, 'Invalid request URL');
  }
}

/** A web Request from a node request: method checked, Host checked, body capped. */
export async function toWebRequest(req: IncomingMessage, fallbackHost: string): Promise<Request> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw new RequestRefused(400, `Method ${method.slice(0, 20)} is not supported`);
  const url = requestUrl(req, fallbackHost);
  const raw = await readCappedBody(req);
  const headers = new Headers();
  try {
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else if (v !== undefined) headers.set(k, v);
    }
    const body = method === 'GET' || method === 'HEAD' || raw.length === 0 ? undefined : new Uint8Array(raw);
    return new Request(url, { method, headers, body });
  } catch {
    throw new RequestRefused(400, 'Malformed request');
  }
}

/** Answers a refused request as problem+json; the connection closes after a 413 (its body was not read). */
export function sendRefusal(res: ServerResponse, err: RequestRefused): void {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({
    title: err.status === 413 ? 'Payload Too Large' : 'Bad Request',
    type: `https://httpstatus.es/${err.status}`,
    status: err.status,
    detail: err.detail,
  });
  res.writeHead(err.status, {
    'content-type': 'application/problem+json',
    ...(err.status === 413 ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/** Malformed HTTP that node's parser itself refuses (bad header syntax): a 400 and a close, never a crash. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
}
