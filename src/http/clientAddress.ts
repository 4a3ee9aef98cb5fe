// Who sent a request, for the per-client limits (rate limit, bodies being sent). Directly, the
// socket's remote address. Behind a reverse proxy (TRUST_PROXY=true, when only the proxy can
// reach the API), every socket is the proxy's, so the client is the address the proxy appended
// last to X-Forwarded-For: the one it saw, which a client cannot forge (what it sends comes before).
import type http from 'node:http';

export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim();
  return last || socketAddress;
}
