// npm test: type-check, start (or reuse) Neo4j, run every test in test/ against it with
// node's test runner, and stop what was started. The exit code is the test runner's.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from '../config.ts';
import { connect } from '../neo4j/connect.ts';
import { interruption, runMain } from './run.ts';

function testFiles(filter: string[]): string[] {
  const dir = path.join(projectRoot, 'test');
  const all = fs.readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort();
  const chosen = filter.length ? all.filter((name) => filter.some((f) => name.includes(f))) : all;
  return chosen.map((name) => path.join('test', name));
}

runMain(async () => {
  const filter = process.argv.slice(2);
  console.log('Type-checking...');
  const tsc = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['--noEmit'], { stdio: 'inherit', cwd: projectRoot });
  if (tsc.status !== 0) {
    console.error('Type check failed.');
    return 1;
  }
  const interrupted = interruption();
  const config = loadConfig();
  const connection = await connect(config, interrupted);
  await connection.db.close();
  console.log(connection.server.owned ? 'Started the local Neo4j for the tests.' : `Testing against the Neo4j at ${config.neo4j.uri}.`);
  try {
    // The tests see the running server as NEO4J_URI, so none of them starts another one.
    const env = { ...process.env, NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password, NEO4J_DATABASE: config.neo4j.database };
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles(filter)], {
      stdio: 'inherit',
      cwd: projectRoot,
      env,
    });
    interrupted.addEventListener('abort', () => child.kill('SIGINT'));
    const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
    return code;
  } finally {
    await connection.server.stop();
  }
});
