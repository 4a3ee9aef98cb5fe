// npm run token -- create --role reader|editor|admin --name NAME   (prints the token, once)
//                  list                                            (names, roles, dates; never tokens)
//                  revoke --name NAME
import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken, roles } from '../auth/tokens.ts';
import { UserError } from '../errors.ts';
import { connect } from '../launcher/connect.ts';
import { runningInstanceConfig } from '../launcher/runningInstance.ts';
import { runMain } from './run.ts';

const usage = `usage: npm run token -- create --role ${roles.join('|')} --name NAME | list | revoke --name NAME`;

runMain(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
  const [command] = positionals;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') throw new UserError(usage);
  if (command !== 'list' && !values.name) throw new UserError(`--name is required\n${usage}`);
  if (command === 'create' && !values.role) throw new UserError(`--role is required\n${usage}`);
  const connection = await connect(runningInstanceConfig({ existing: true }));
  try {
    const db = connection.db;
    if (command === 'create') {
      const token = await createToken(db, values.name!, values.role!);
      console.log(`Token for ${values.name} (${values.role}); it is shown only now, keep it safe:\n${token}`);
    } else if (command === 'list') {
      const tokens = await listTokens(db);
      if (tokens.length === 0) console.log('No tokens.');
      for (const t of tokens) console.log(`${t.name}\t${t.role}\tcreated ${t.createdAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}`);
    } else if (!(await revokeToken(db, values.name!))) {
      throw new UserError(`No live token named "${values.name}"`);
    } else {
      console.log(`Revoked the token of ${values.name}.`);
    }
  } finally {
    await connection.close();
  }
});
