import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWebRequest } from '../node-request';

/** Reads a node request into a web Request (the emulator's handler speaks web standards); throws RequestRefused. */
export async function toRequest(req: IncomingMessage, fallbackHost: string): Promise<Request> {
  return toWebRequest(req, fallbackHost);
}

/** Writes a web Response to a node response. */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => {
    if (k === 'set-cookie') return;
    headers[k] = v;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}
