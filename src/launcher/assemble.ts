// Assembles the Neo4j Community server from Maven Central with tools/neo4j/pom.xml:
// the server, Neo4j Browser and APOC jars are copied into distDir/lib and distDir/plugins.
// Maven's own cache (~/.m2) makes every assembly after the first fast.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { UserError } from '../errors.ts';

const pomPath = path.join(projectRoot, 'tools/neo4j/pom.xml');

export interface Distribution {
  libDir: string;
  pluginsDir: string;
  java: string;
}

/** The java executable to use, checked to be Java 17 or 21 (the versions Neo4j 5.26 supports). */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      `Java was not found (tried "${java}"). Neo4j 5.26 needs Java 17 or 21: install it ` +
        `(e.g. "apt-get install openjdk-17-jre-headless") or set JAVA_HOME, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  const match = /version "(\d+)/.exec(probe.stderr);
  const major = match ? Number(match[1]) : 0;
  if (major !== 17 && major !== 21) {
    throw new UserError(`Neo4j 5.26 needs Java 17 or 21, but "${java}" is Java ${major || 'of unknown version'}. Set JAVA_HOME to a Java 17 or 21.`);
  }
  return java;
}

function findMaven(env: NodeJS.ProcessEnv): string {
  const probe = spawnSync('mvn', ['--version'], { encoding: 'utf8', env });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      'Maven (mvn) was not found. It is needed once, to assemble Neo4j from Maven Central: ' +
        'install it (e.g. "apt-get install maven"), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  return 'mvn';
}

function pomHash(): string {
  return createHash('sha256').update(fs.readFileSync(pomPath)).digest('hex').slice(0, 16);
}

/** Assembles the server into distDir unless the assembly for the current pom is already there. */
export function ensureDistribution(distDir: string, env: NodeJS.ProcessEnv = process.env): Distribution {
  const java = findJava(env);
  const libDir = path.join(distDir, 'lib');
  const pluginsDir = path.join(distDir, 'plugins');
  const marker = path.join(distDir, `assembled-${pomHash()}`);
  if (fs.existsSync(marker)) return { libDir, pluginsDir, java };

  const mvn = findMaven(env);
  console.log('Assembling Neo4j from Maven Central (first run only; later runs use the Maven cache)...');
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.mkdirSync(pluginsDir, { recursive: true });
  const result = spawnSync(
    mvn,
    ['-B', '-q', '-Dstyle.color=never', '-f', pomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`],
    { stdio: ['ignore', 'inherit', 'inherit'], env },
  );
  if (result.status !== 0) {
    throw new UserError(
      `Maven could not assemble Neo4j (exit code ${result.status}). Check that Maven Central is reachable ` +
        `and see the Maven output above; run "npm run neo4j -- assemble" to retry.`,
    );
  }
  // APOC goes to plugins/: the server loads procedures from there.
  for (const jar of fs.readdirSync(libDir).filter((name) => name.startsWith('apoc-'))) {
    fs.renameSync(path.join(libDir, jar), path.join(pluginsDir, jar));
  }
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
  return { libDir, pluginsDir, java };
}
