// The local server's Bolt port, guarded against web pages. Neo4j 5.26 upgrades any HTTP request
// on its Bolt port to a WebSocket whatever its Origin (Netty's handshaker checks none, and no
// setting turns a check on), so a page on any site could open Bolt to the local server. So the
// launcher has Neo4j listen on an internal port and this listens on the Bolt port in front of
// it: Bolt over TCP (every driver) passes untouched; an HTTP request (Neo4j Browser's WebSocket
// upgrade, Bolt's discovery GET) passes when it names no web origin or an allowed one (Browser's
// own page); one from another origin is answered 403 and never reaches Neo4j.
import net from 'node:net';

/** Bytes enough to tell an HTTP request ("GET ") from Bolt's preamble (60 60 B0 17). */
const openingBytes = 4;
/** Request headers longer than this are not waited for: the connection is closed. */
const maxHeadBytes = 16 * 1024;
/** How long a new connection may take to say what it is. */
const headTimeoutMs = 30_000;
const refusal = 'This web origin may not connect to Bolt.';

export interface BoltGuard {
  close(): Promise<void>;
}

/** The web origins a request's head names (Origin, and the old Sec-WebSocket-Origin; header names in any case). */
export function originsOf(head: string): string[] {
  return [...head.matchAll(/\r\n(?:sec-websocket-)?origin[ \t]*:[ \t]*([^\r\n]*)/gi)].map((match) => match[1]!.trim());
}

/** Whether the head may reach Neo4j: every origin it names is allowed (a request from no web page names none). */
export const originAllowed = (head: string, allowed: readonly string[]) => originsOf(head).every((origin) => allowed.includes(origin));

function relay(client: net.Socket, targetPort: number, head: Buffer, sockets: Set<net.Socket>): void {
  const upstream = net.connect({ port: targetPort, host: '127.0.0.1', noDelay: true });
  // Bolt's small messages must not wait for Nagle's algorithm (40 ms each round trip).
  client.setNoDelay(true);
  sockets.add(upstream);
  upstream.once('close', () => (sockets.delete(upstream), client.destroy()));
  client.once('close', () => upstream.destroy());
  // An error closes both sides; the driver or Browser sees the connection end, as with Neo4j itself.
  upstream.on('error', () => upstream.destroy());
  upstream.write(head);
  client.pipe(upstream);
  upstream.pipe(client);
}

/** Listens on 127.0.0.1:`port` and relays to 127.0.0.1:`targetPort` what may pass (see above). */
export async function startBoltGuard(port: number, targetPort: number, allowedOrigins: readonly string[]): Promise<BoltGuard> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.setTimeout(headTimeoutMs, () => client.destroy());
    let head = Buffer.alloc(0);
    const decide = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.length < openingBytes) return;
      if (head.subarray(0, 3).toString('latin1') === 'GET') {
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > maxHeadBytes) client.destroy();
          return;
        }
        if (!originAllowed(head.subarray(0, end + 2).toString('latin1'), allowedOrigins)) {
          client.off('data', decide);
          client.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${refusal.length}\r\nConnection: close\r\n\r\n${refusal}`);
          return;
        }
      }
      // Bolt over TCP, an allowed HTTP request, or anything else (Neo4j refuses what it does not speak).
      client.off('data', decide);
      client.setTimeout(0);
      relay(client, targetPort, head, sockets);
    };
    client.on('data', decide);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      // Once listening, a failed accept (EMFILE in a connection flood) is said, never a crash.
      server.on('error', (error) => console.error(`Bolt guard on port ${port}: ${error.message}`));
      resolve();
    });
  });
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
