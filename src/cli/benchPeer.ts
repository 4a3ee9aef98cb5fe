// The benchmark's peer in a process of its own (bench/peerServer.ts), started by bench/peer.ts.
// Prints `peer listening on <url>` once it answers; stops on Ctrl-C or SIGTERM.
import { startPeerServer } from '../../bench/peerServer.ts';
import { interruption, runMain, untilAborted } from './run.ts';

runMain(async () => {
  // Until it listens, a signal ends the process at once (nothing to close); from then on it stops the peer.
  const peer = await startPeerServer();
  const interrupted = interruption();
  console.log(`peer listening on ${peer.url}`);
  await untilAborted(interrupted);
  await peer.stop();
});
