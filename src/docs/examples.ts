// docs/queries.md holds analyst questions, each with a GraphQL query and the answer it
// gives on the seed graph. This reads and rewrites those answers; a test keeps them true.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const examplesPath = path.join(projectRoot, 'docs', 'queries.md');

export interface Example {
  title: string;
  query: string;
  answer: string;
}

const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```');

/** The examples: each `### ` section with a ```graphql block and a ```json answer block. */
export function readExamples(markdown = fs.readFileSync(examplesPath, 'utf8')): Example[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((section) => ({
      title: section.split('\n')[0]!.trim(),
      query: block('graphql').exec(section)?.[1] ?? '',
      answer: block('json').exec(section)?.[1] ?? '',
    }));
}

/** The markdown with every example's answer replaced by `answers[i]`. */
export function writeAnswers(markdown: string, answers: unknown[]): string {
  let i = 0;
  return markdown.replace(/^### [\s\S]*?(?=^### |(?![\s\S]))/gm, (section) =>
    section.replace(block('json'), () => '```json\n' + JSON.stringify(answers[i++], null, 2) + '\n```'),
  );
}
