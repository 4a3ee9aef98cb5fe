// Makes a started Neo4j die with the process that started it, whatever ends that process (a
// crash, the OOM killer, SIGKILL): a tiny shell waits on a pipe from this process; when the
// pipe closes without a word, its owner is dead and the shell stops Neo4j (SIGTERM, then
// SIGKILL after 60 s). A normal stop disarms it first by writing a line. It runs in its own
// session, so a Ctrl-C in the terminal does not reach it, and before each signal it checks
// that the pid is still this home's Neo4j, since a pid can be reused.
import { spawn } from 'node:child_process';

// $1: the Neo4j pid, $2: its home directory. `ours` reads the command line from /proc (Linux) or ps.
const script = `
if read line; then exit 0; fi
ours() { { tr '\\0' ' ' < /proc/$1/cmdline || ps -o args= -p $1; } 2>/dev/null | grep -qF -- " --home-dir=$2 "; }
ours "$1" "$2" || exit 0
kill -TERM "$1"
i=0
while [ $i -lt 60 ] && ours "$1" "$2"; do sleep 1; i=$((i + 1)); done
if ours "$1" "$2"; then kill -KILL "$1"; fi
`;

export interface Watchdog {
  /** Lets the watchdog exit without touching Neo4j (the caller stops it). */
  disarm(): void;
}

export function startWatchdog(neo4jPid: number, homeDir: string): Watchdog {
  const child = spawn('sh', ['-c', script, 'neo4j-watchdog', String(neo4jPid), homeDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', (error) => console.warn(`Warning: no watchdog for Neo4j (${error.message}); it would outlive a crash of this process.`));
  // A watchdog that is already gone needs no disarming.
  child.stdin!.on('error', () => {});
  // It watches this process; it must not keep it alive.
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  return {
    disarm: () => {
      if (!child.stdin!.writableEnded) child.stdin!.end('disarm\n');
    },
  };
}
