// A UN Security Council list record as the matcher takes it (src/domain/matching/party.ts): its
// name (FIRST_NAME to FOURTH_NAME joined), its original-script name, its aliases (quality Low
// weak; Good, a.k.a. and f.k.a. full names: a former name is still the party's), nationalities
// and address countries, titles, and its reference number as an identifier.
import type { Party, PartyName } from '../domain/matching/party.ts';
import type { UnScRecord } from './unSc.ts';

/** The identifier scheme of UN reference numbers (QDe.158). */
export const unScScheme = 'un-sc';

export function unScParty(record: UnScRecord): Party {
  const { first, second, third, fourth } = record.names;
  const full = [first, second, third, fourth].flatMap((part) => (part ? [part.value] : [])).join(' ');
  const names: PartyName[] = [];
  if (full) names.push({ value: full });
  if (record.nameOriginalScript) names.push({ value: record.nameOriginalScript.value });
  for (const alias of record.aliases) names.push({ value: alias.name.value, weak: alias.quality?.value.trim().toLowerCase() === 'low' });
  const countries = [
    ...record.nationalities.map((nationality) => nationality.value),
    ...record.addresses.flatMap((address) => (address.fields.COUNTRY ? [address.fields.COUNTRY.value] : [])),
  ];
  return {
    id: record.referenceNumber.value,
    kind: record.kind === 'individual' ? 'person' : 'organization',
    names,
    countries: [...new Set(countries)],
    identifiers: [{ scheme: unScScheme, value: record.referenceNumber.value }],
    titles: record.titles.map((title) => title.value),
  };
}
