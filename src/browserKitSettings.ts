// What Neo4j Browser is told to load when it connects, and where the API serves it: shared by
// src/http/browserKit.ts (which serves the kit) and src/launcher/localServer.ts (which writes
// these settings into neo4j.conf), so the launcher needs nothing from the transport.
export const browserKitPaths = { style: '/browser/actorgraph.grass', guide: '/browser/guide' } as const;

/**
 * The Neo4j settings that make Browser load the kit from the API on `apiPort` when it connects:
 * `browser.post_connect_cmd` (commands without their colon, separated by `;`) and the hosts
 * Browser may fetch remote content from. (Neo4j 5.26 and Browser 5.24 name it
 * `..._whitelist`; there is no `..._allowlist` setting.) The URLs say 127.0.0.1 because the
 * API listens there by default; Browser's default list (guides.neo4j.com, localhost) lacks
 * it, and this list drops guides.neo4j.com, so the Browser page fetches nothing foreign.
 */
export function browserSettings(apiPort: number): Record<string, string> {
  const api = `http://127.0.0.1:${apiPort}`;
  return {
    'browser.post_connect_cmd': `style ${api}${browserKitPaths.style}; play ${api}${browserKitPaths.guide}`,
    'browser.remote_content_hostname_whitelist': '127.0.0.1,localhost',
  };
}
