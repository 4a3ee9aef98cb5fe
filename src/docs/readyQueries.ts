// docs/neo4j-browser.md holds the ready queries for Neo4j Browser: each `### Title` section,
// its prose, and one ```cypher block. They are written there only: the Browser guide the API
// serves is generated from them, and a test runs each one on the seed graph.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const readyQueriesPath = path.join(projectRoot, 'docs', 'neo4j-browser.md');

export interface ReadyQuery {
  title: string;
  /** The section's prose before its query (markdown), '' when there is none. */
  text: string;
  cypher: string;
}

const cypherBlock = /```cypher\n([\s\S]*?)\n```/;

/** The ready queries, in the order of the document; a section without a ```cypher block is an error that names it. */
export function readReadyQueries(markdown = fs.readFileSync(readyQueriesPath, 'utf8')): ReadyQuery[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      // A `## ` heading after the last query starts another part of the document.
      const body = section.split(/^## /m)[0]!;
      const title = body.split('\n')[0]!.trim();
      const block = cypherBlock.exec(body);
      if (!block) throw new Error(`${readyQueriesPath}: the section "### ${title}" has no \`\`\`cypher block`);
      return { title, text: body.slice(body.indexOf('\n') + 1, block.index).trim(), cypher: block[1]! };
    });
}
