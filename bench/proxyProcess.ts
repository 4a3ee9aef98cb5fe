// The reverse proxy as the tests and the benchmark run it: Debian's nginx (/usr/sbin/nginx, or
// NGINX_BIN) in a folder of its own, with deploy/nginx/actorgraph.conf.template rendered the way
// the nginx image renders it in docker compose (envsubst of the ${NAME}s it is given, nothing else).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config.ts';
import { stopChild, waitUntilReady, type ChildServer } from './apiProcess.ts';

export const proxyTemplate = path.join(projectRoot, 'deploy/nginx/actorgraph.conf.template');

export const nginxBinary = () => process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** The template with each `${NAME}` replaced by `vars[NAME]`; a `${NAME}` it is not given is an error (envsubst would leave it empty). */
export function renderProxyConf(vars: Record<string, string>, template = fs.readFileSync(proxyTemplate, 'utf8')): string {
  return template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${path.relative(projectRoot, proxyTemplate)} needs ${name}, which was not given`);
    return value;
  });
}

/** One upstream line per replica, as the compose profile writes them. */
export const upstreamServers = (addresses: string[]) => addresses.map((address) => `server ${address} max_fails=1 fail_timeout=2s;`).join(' ');

export interface ProxySettings {
  port: number;
  /** host:port of each API replica. */
  upstreams: string[];
  rateLimit: { perSecond: number; burst: number };
}

/** nginx's main file around the rendered template, as the image's nginx.conf includes conf.d: every path in `dir`. */
export function nginxMainConf(dir: string, rendered: string): string {
  const file = path.join(dir, 'actorgraph.conf');
  fs.writeFileSync(file, rendered);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    // As root nginx's workers would run as nobody, who cannot write its temp folders here.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${path.join(dir, 'body')};`,
    `  proxy_temp_path ${path.join(dir, 'proxy')};`,
    `  include ${file};`,
    '}',
  ].join('\n');
}

/** The settings as the template's variables. */
export const proxyVars = (settings: ProxySettings) => ({
  PROXY_PORT: `127.0.0.1:${settings.port}`,
  API_UPSTREAM_SERVERS: upstreamServers(settings.upstreams),
  RATE_LIMIT_PER_SECOND: String(settings.rateLimit.perSecond),
  RATE_LIMIT_BURST: String(settings.rateLimit.burst),
});

/** Writes the configuration into a new folder and checks it with `nginx -t`; answers the main file. */
export function writeNginxConf(vars: Record<string, string>): { dir: string; conf: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actorgraph-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxMainConf(dir, renderProxyConf(vars)));
  const checked = spawnSync(nginxBinary(), ['-t', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
  if (checked.error || checked.status !== 0) fs.rmSync(dir, { recursive: true, force: true });
  if (checked.error) throw new Error(`nginx (${nginxBinary()}) cannot run: ${checked.error.message}. Install Debian's nginx-light, or set NGINX_BIN.`);
  if (checked.status !== 0) throw new Error(`nginx -t refused the configuration:\n${checked.stderr}`);
  return { dir, conf };
}

/** Starts nginx in front of the replicas; ready once /health answers 200 through it. */
export async function startProxy(settings: ProxySettings): Promise<ChildServer & { dir: string }> {
  const { dir, conf } = writeNginxConf(proxyVars(settings));
  const child = spawn(nginxBinary(), ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${settings.port}`;
  const output = () => `${log}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-4000) : ''}`;
  await waitUntilReady(child, `${url}/health`, output, 30_000);
  return {
    url,
    pid: child.pid!,
    dir,
    output,
    exited: new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve()))),
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
