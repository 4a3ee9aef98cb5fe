// The inputs of the nomenklatura comparison as FollowTheMoney entities: a UN list record (an
// individual a Person, an entity an Organization; its joined name, original-script name and
// aliases: quality Good and a.k.a. `alias`, Low `weakAlias`, f.k.a. `previousName`; each alias
// split into the names it holds as our matcher splits it (src/domain/matching/names.ts
// nameVariants: "جبهة النصرة (the Victory Front; Jabhat al-Nusrah)"), the name kept as written
// ("AL-HARAMAIN FOUNDATION (PAKISTAN)" names no Pakistan), and one of our actors through the FtM
// export's own mapping (src/export/ftm.ts).
// Countries are left out on both sides: the UN writes country names, and no ISO mapping of them
// is in the project's data.
import { nameVariants } from '../../src/domain/matching/names.ts';
import { ftmActorEntity, ftmDataset, ftmId, type FtmEntity } from '../../src/export/ftm.ts';
import type { UnScRecord } from '../../src/registries/unSc.ts';
import type { SeedActor } from './inputs.ts';

const aliasProps: Record<string, string> = { good: 'alias', 'a.k.a.': 'alias', low: 'weakAlias', 'f.k.a.': 'previousName' };

export const unScEntityId = (referenceNumber: string) => ftmId('un-sc-', referenceNumber);

export function unScFtmEntity(record: UnScRecord): FtmEntity {
  const { first, second, third, fourth } = record.names;
  const properties: Record<string, string[]> = {};
  const add = (prop: string, names: string[]) => {
    for (const name of names) if (!(properties[prop] ??= []).includes(name)) properties[prop]!.push(name);
  };
  const addVariants = (prop: string, value: string | undefined) => add(prop, value ? nameVariants(value) : []);
  add('name', [[first, second, third, fourth].flatMap((part) => (part ? [part.value] : [])).join(' ').replace(/\s+/g, ' ').trim()]);
  addVariants('alias', record.nameOriginalScript?.value);
  for (const alias of record.aliases) addVariants(aliasProps[alias.quality?.value.trim().toLowerCase() ?? 'good'] ?? 'alias', alias.name.value);
  const schema = record.kind === 'individual' ? 'Person' : 'Organization';
  return { id: unScEntityId(record.referenceNumber.value), schema, properties, datasets: [ftmDataset] };
}

export function actorFtmEntity(actor: SeedActor): FtmEntity {
  return ftmActorEntity({ id: actor.id, kind: actor.kind, properties: { name: actor.name, aliases: actor.aliases, description: actor.description ?? null } });
}
