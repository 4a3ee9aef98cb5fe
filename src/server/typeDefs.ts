// The SDL files of schema/, the API's contract.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export function readTypeDefs(): string[] {
  const dir = path.join(projectRoot, 'schema');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
}
