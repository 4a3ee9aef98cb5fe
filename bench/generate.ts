// npm run bench:generate -- --relationships N --out DIR [--format yaml|json] [--seed S]
// A benchmark graph in the seed format (seed/README.md), shaped like the real one: degrees
// heavy-tailed (a few hubs, most actors with a handful of ties), several claims per relationship
// from different sources, denials and contradictions, partial dates, transliterated aliases, and
// sources whose texts hold every quote. The same seed gives the same files. Only the graph's
// skeleton is held in memory (typed arrays); each source's text and data file is written in turn.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { UserError } from '../src/errors.ts';
import { relationshipId } from '../src/domain/claimRules.ts';
import { actorKinds, relationshipTypes } from '../src/domain/vocabulary.ts';
import type { Probes } from './operations.ts';

export interface GenerateOptions {
  /** Derived relationships: distinct (subject, type, object, role) keys. */
  relationships: number;
  seed?: number;
  format?: 'yaml' | 'json';
}

export interface GeneratedGraph {
  dataDir: string;
  sourcesDir: string;
  probes: Probes;
  counts: { actors: number; sources: number; claims: number; relationships: number; contradictions: number };
}

// ---- Randomness: mulberry32, so that a seed always gives the same graph.

class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let left = this.float() * items.reduce((sum, item) => sum + item.weight, 0);
    for (const item of items) if ((left -= item.weight) < 0) return item;
    return items[items.length - 1]!;
  }
  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.float())) * Math.cos(2 * Math.PI * this.float());
  }
}

// ---- What the generated texts say. Types and kinds are the vocabulary's (checked below).

type Kind = 'Group' | 'Person' | 'State' | 'Organization' | 'Place';

/** One way a relationship type links kinds; `says` are its sentences ({s}, {o}, {a role}, {the role}). */
interface Rule { type: string; weight: number; subjects: Kind[]; objects: Kind[]; says: string[]; roles?: string[] }

const rules: Rule[] = [
  { type: 'MEMBER_OF', weight: 9, subjects: ['Person'], objects: ['Group'], roles: ['member', 'fighter', 'commander', 'recruiter', 'founder'], says: ['{s} is {a role} of {o}', '{s} joined {o} as {a role}'] },
  { type: 'MEMBER_OF', weight: 3, subjects: ['Person'], objects: ['Organization'], roles: ['officer', 'analyst', 'director', 'member'], says: ['{s} is {a role} of {o}', '{s} served as {a role} of {o}'] },
  { type: 'MEMBER_OF', weight: 1, subjects: ['State'], objects: ['Organization'], roles: ['member state'], says: ['{s} is {a role} of {o}'] },
  { type: 'LEADS', weight: 4, subjects: ['Person'], objects: ['Group'], roles: ['leader', 'emir', 'commander', 'spokesperson', 'deputy leader'], says: ['{s} is {the role} of {o}', '{s} has led {o} as its {role}'] },
  { type: 'LEADS', weight: 1, subjects: ['Person'], objects: ['State'], roles: ['president', 'prime minister'], says: ['{s} is {the role} of {o}'] },
  { type: 'LEADS', weight: 1.5, subjects: ['Person'], objects: ['Organization'], roles: ['chairman', 'director', 'head', 'spokesperson'], says: ['{s} is {the role} of {o}', '{s} heads {o} as its {role}'] },
  { type: 'PLEDGED_ALLEGIANCE_TO', weight: 4, subjects: ['Group', 'Person'], objects: ['Group', 'Person'], says: ['{s} pledged allegiance to {o}', '{s} swore an oath of loyalty to {o}'] },
  { type: 'COOPERATES_WITH', weight: 7, subjects: ['Group', 'State', 'Organization'], objects: ['Group', 'State', 'Organization'], says: ['{s} cooperated with {o}', '{s} agreed to act jointly with {o}'] },
  { type: 'PART_OF', weight: 2, subjects: ['Group'], objects: ['Group'], says: ['{s} is a faction of {o}'] },
  { type: 'PART_OF', weight: 2, subjects: ['Organization', 'Place'], objects: ['State'], says: ['{s} is part of {o}'] },
  { type: 'SPLIT_FROM', weight: 2, subjects: ['Group'], objects: ['Group'], says: ['{s} broke away from {o}', '{s} split from {o}'] },
  { type: 'OPERATES_IN', weight: 11, subjects: ['Group', 'Person', 'Organization'], objects: ['Place', 'State'], says: ['{s} operates in {o}', '{s} has been active in {o}', '{s} recruited in {o}'] },
  { type: 'TRAVELLED_TO', weight: 3, subjects: ['Group', 'Person'], objects: ['Place', 'State'], says: ['{s} travelled to {o}', '{s} departed for {o}'] },
  { type: 'TRAINED_BY', weight: 1, subjects: ['Group', 'Person'], objects: ['State', 'Organization', 'Group'], says: ['{s} was trained by {o}', '{s} underwent training with {o}'] },
  { type: 'TRAINED_IN', weight: 1, subjects: ['Group', 'Person'], objects: ['Place', 'State'], says: ['{s} underwent military training in {o}', '{s} trained in {o}'] },
  { type: 'OPPOSES', weight: 8, subjects: ['Group', 'State', 'Organization'], objects: ['Group', 'State', 'Organization'], says: ['{s} fought against {o}', '{s} works against {o}'] },
  { type: 'AFFILIATED_WITH', weight: 9, subjects: ['Group', 'Person', 'Organization'], objects: ['Group', 'Person', 'Organization'], says: ['{s} has links to {o}', '{s} is connected to {o}'] },
  { type: 'CITIZEN_OF', weight: 5, subjects: ['Person'], objects: ['State'], says: ['{s} is a citizen of {o}', '{s} holds the citizenship of {o}'] },
  { type: 'ACCUSES', weight: 4, subjects: ['State', 'Organization', 'Person'], objects: ['Group', 'Person', 'State', 'Organization'], says: ['{s} accused {o} of supporting extremists', '{s} publicly accused {o} of abuses'] },
  { type: 'SEEKS_ASSISTANCE_FROM', weight: 2, subjects: ['State', 'Group', 'Organization'], objects: ['State', 'Organization', 'Group'], says: ['{s} asked {o} for help', '{s} sought assistance from {o}'] },
  { type: 'FUNDS', weight: 3, subjects: ['State', 'Organization', 'Person', 'Group'], objects: ['Group', 'Organization'], says: ['{s} financed {o}', '{s} provided money to {o}'] },
  { type: 'THREATENS', weight: 5, subjects: ['Group', 'Person'], objects: ['State', 'Place', 'Organization'], says: ['{s} is planning attacks against {o}', '{s} threatened {o}'] },
  { type: 'ATTACKED', weight: 6, subjects: ['Group', 'State', 'Person'], objects: ['Group', 'State', 'Place', 'Organization'], says: ['{s} attacked {o}', '{s} carried out an attack on {o}'] },
  { type: 'REPRESSES', weight: 5, subjects: ['State', 'Organization'], objects: ['Person', 'Group', 'Organization'], says: ['{s} cracked down on {o}', '{s} banned {o}', '{s} prosecuted {o}'] },
  { type: 'MET_WITH', weight: 3, subjects: ['Person', 'State', 'Organization'], objects: ['Person', 'State', 'Organization'], says: ['{s} met with {o}', '{s} held talks with {o}'] },
  { type: 'DESIGNATES', weight: 1, subjects: ['Organization', 'State'], objects: ['Group', 'Person', 'Organization'], says: ['{s} designated {o} as a terrorist organisation', '{s} added {o} to its sanctions list'] },
  { type: 'SPOKE_TO', weight: 3, subjects: ['Person', 'Organization'], objects: ['Organization', 'Person'], says: ['{s} spoke to {o}', '{s} gave an interview to {o}'] },
];

// A vocabulary that gains a type or kind must gain a rule here too, rather than go ungenerated.
const missing = [...relationshipTypes.filter((t) => !rules.some((r) => r.type === t)), ...actorKinds.filter((k) => !rules.some((r) => [...r.subjects, ...r.objects].includes(k as Kind)))];
if (missing.length > 0 || rules.some((r) => !relationshipTypes.includes(r.type))) throw new Error(`bench/generate.ts has no rule for ${missing.join(', ')}`);

const kinds = actorKinds as readonly Kind[];
/** The kinds of the biggest hubs, in order of rank (an Islamic State, an Uzbekistan, a Syria...), so every kind occurs; the rest by share. */
const hubKinds: Kind[] = ['Group', 'State', 'Group', 'Place', 'Organization', 'Person'];
const kindShares = [
  { kind: 'Person' as Kind, weight: 50 },
  { kind: 'Group' as Kind, weight: 20 },
  { kind: 'Organization' as Kind, weight: 13 },
  { kind: 'Place' as Kind, weight: 10 },
  { kind: 'State' as Kind, weight: 7 },
];

const onsets = ['Kham', 'Naz', 'Bukh', 'Qurb', 'Dzhur', 'Yus', 'Mir', 'Sod', 'Tash', 'Rakh', 'Sul', 'Kar', 'Um', 'Ism', 'Khod', 'Sar', 'Erg', 'Dzham', 'Tokh', 'Abd', 'Qod', 'Shav', 'Yuld', 'Ibr', 'Mukh', 'Dost', 'Nurm', 'Zak', 'Hal', 'Bakht', 'Fayz', 'Gul', 'Zhan', 'Ulug', 'Khay', 'Otab'];
const middles = ['an', 'ar', 'ab', 'ir', 'ul', 'im', 'ash', 'ay', 'on', 'et', 'ur', 'ad', 'akh', 'ud', 'ob', 'iy'];
const givenNames = ['Alisher', 'Bakhtiyor', 'Dzhumabek', 'Farkhod', 'Ilkhom', 'Khusniddin', 'Mukhammad', 'Nurbek', 'Ravshan', 'Sherzod', 'Tolib', 'Ulugbek', 'Yusuf', 'Zafar', 'Abdurakhmon', 'Dzhamshid', 'Kholmurod', 'Akhmad', 'Rustam', 'Odil', 'Sayfullo', 'Timur', 'Erkin', 'Gulnora', 'Dilnoza', 'Nodira', 'Zarina', 'Qodir'];
const surnameEnds = ['ov', 'ev', 'bayev', 'i', 'zoda', 'iy'];
const namePatterns: Record<Kind, string[]> = {
  Person: ['{given} {surname}'],
  Group: ['Katibat Imam {root}ari', 'Jamaat {Root}', 'Islamic Movement of {place}', '{place} Mujahideen', 'Jund al-{Root}', 'Harakat {Root}iya', 'Ansar al-{Root}', '{place} Jamaat'],
  Organization: ['National Security Service of {place}', 'Ministry of Internal Affairs of {place}', '{Root} Analytical Center', '{Root} Press', '{Root} Foundation', 'Committee for Religious Affairs of {place}', '{place} Human Rights Center'],
  State: ['{Root}istan', 'Republic of {Root}ia', '{Root}stan'],
  Place: ['{Root}abad', '{Root}kent', '{Root} Valley', '{Root} Province', '{Root}-Tepa', '{Root}shahr'],
};

/** Spellings the sources use for the same name: Kh/H, Dzh/J, -ov/-ev, -ayev/-aev, Bukhari/Bukhori, iy/i, Q/K... */
const spellings: ((word: string) => string)[] = [
  (w) => w.replace(/Kh/g, 'H').replace(/kh/g, 'h'),
  (w) => w.replace(/Dzh/g, 'J').replace(/dzh/g, 'j'),
  (w) => w.replace(/ov$/, 'ev'),
  (w) => w.replace(/ayev$/, 'aev'),
  (w) => w.replace(/([ao])ri$/, (_, v: string) => `${v === 'a' ? 'o' : 'a'}ri`),
  (w) => w.replace(/iy(?=[aeou]|$)/g, 'i'),
  (w) => w.replace(/Q/g, 'K').replace(/q/g, 'k'),
  (w) => w.replace(/on$/, 'an').replace(/ullo$/, 'ullah'),
  (w) => w.replace(/a(?=[^aeiou]*$)/, 'o'),
];

/** The English words of the name patterns, which keep their spelling. */
const english = new Set(Object.values(namePatterns).flatMap((patterns) => patterns.flatMap((p) => p.replace(/\{\w+\}\w*/g, ' ').split(/[ -]+/))));

/** The name respelled by one of `spellings`, word by word. */
const transliterations = spellings.map((spell) => (name: string) => name.split(' ').map((word) => (english.has(word) ? word : spell(word))).join(' '));

const publishers = ['Steppe Monitor', 'Ferghana Wire', 'Pamir Observer', 'Caspian Review', 'Silk Road Desk', 'Tien Shan Times', 'Amu Darya Report', 'Aral Bulletin'];
const topics = ['Militant networks in the region', 'Security services on alert', 'Recruiters and their routes', 'Fighters return home', 'The border in focus', 'Alliances shift again', 'A court case and its context'];
const fillers = [
  'The situation in the region remained tense throughout the period.',
  'Details could not be independently verified.',
  'Analysts say the figures are difficult to confirm.',
  'Officials declined to comment further.',
  'The report drew on court documents and interviews.',
  'Local residents described a growing sense of unease.',
  'Several of the statements were later removed from the internet.',
  'Observers noted that similar claims had been made before.',
  'The border crossings were closed for several days.',
  'The government has repeatedly played up the threat from extremists.',
  'Some of the men were reported to have returned home.',
  'Video footage released afterwards showed armed men in the mountains.',
  'The trial was held behind closed doors.',
  'Experts cautioned against drawing firm conclusions.',
  'Such accounts are common in the region and rarely confirmed.',
];
const seasons = ['spring', 'summer', 'autumn', 'winter', 'early', 'late', 'the end of', 'the first half of'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---- Actors: names, aliases, kinds, and a lognormal weight that makes hubs.

interface Actors {
  ids: string[];
  names: string[];
  aliases: string[][];
  kinds: Uint8Array;
  /** Expected share of ties: lognormal, so the median actor has a handful and the top ones thousands at a million. */
  weights: Float64Array;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function actorName(kind: Kind, dice: Dice): string {
  const root = () => dice.pick(onsets) + dice.pick(middles) + (dice.chance(0.4) ? dice.pick(middles) : '');
  const place = () => `${root()}${dice.pick(['abad', 'istan', 'kent'])}`;
  return dice
    .pick(namePatterns[kind])
    .replace('{given}', () => dice.pick(givenNames))
    .replace('{surname}', () => root() + dice.pick(surnameEnds))
    .replace('{root}', () => root())
    .replace('{Root}', () => root())
    .replace('{place}', place);
}

/** Acronym of a name's capitalised words ("Islamic Movement of Khamanabad" -> "IMK"), when it has two or more. */
function acronym(name: string): string | undefined {
  const initials = name.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w.charAt(0));
  return initials.length >= 2 ? initials.join('') : undefined;
}

/** Up to three transliteration variants, the surname or the acronym: each only if no other actor holds it. */
function aliasesOf(name: string, kind: Kind, taken: Set<string>, dice: Dice): string[] {
  const variants = [...new Set(transliterations.map((t) => t(name)))].filter((v) => v !== name);
  const extra = kind === 'Person' ? (dice.chance(0.5) ? name.split(' ').at(-1) : undefined) : kind === 'Group' || kind === 'Organization' ? acronym(name) : undefined;
  const aliases: string[] = [];
  for (const alias of [...variants.slice(0, 3), extra]) {
    if (alias === undefined || taken.has(alias.toLowerCase())) continue;
    taken.add(alias.toLowerCase());
    aliases.push(alias);
  }
  return aliases;
}

function makeActors(count: number, dice: Dice): { actors: Actors; taken: Set<string> } {
  const weights = Float64Array.from({ length: count }, () => Math.exp(1.665 * dice.normal())).sort().reverse();
  const kindOf = (rank: number) => (rank < hubKinds.length ? hubKinds[rank]! : dice.weighted(kindShares).kind);
  const actors: Actors = { ids: [], names: [], aliases: [], kinds: new Uint8Array(count), weights };
  const taken = new Set<string>();
  const usedIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i);
    let name = actorName(kind, dice);
    while (taken.has(name.toLowerCase())) name = actorName(kind, dice);
    taken.add(name.toLowerCase());
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name)}-${n}`;
    usedIds.add(id);
    actors.ids.push(id);
    actors.names.push(name);
    actors.kinds[i] = kinds.indexOf(kind);
    actors.aliases.push(aliasesOf(name, kind, taken, dice));
  }
  return { actors, taken };
}

/** Actors of one kind, drawn in proportion to their weight. */
interface Pool { members: number[]; cumulative: number[]; total: number }

function makePools(actors: Actors): Pool[] {
  const pools: Pool[] = kinds.map(() => ({ members: [], cumulative: [], total: 0 }));
  actors.kinds.forEach((kind, i) => {
    const pool = pools[kind]!;
    pool.total += actors.weights[i]!;
    pool.members.push(i);
    pool.cumulative.push(pool.total);
  });
  return pools;
}

function draw(pools: Pool[], allowed: readonly Kind[], dice: Dice): number {
  const candidates = allowed.map((kind) => pools[kinds.indexOf(kind)]!).filter((pool) => pool.members.length > 0);
  let at = dice.float() * candidates.reduce((sum, pool) => sum + pool.total, 0);
  const pool = candidates.find((p) => (at -= p.total) < 0) ?? candidates[candidates.length - 1]!;
  const target = dice.float() * pool.total;
  let [low, high] = [0, pool.members.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pool.cumulative[mid]! <= target) low = mid + 1;
    else high = mid;
  }
  return pool.members[low]!;
}

// ---- Relationships (distinct keys) and their claims, as typed arrays.

interface Skeleton {
  subject: Int32Array;
  object: Int32Array;
  rule: Uint8Array;
  role: Uint8Array;
  claimRelationship: Int32Array;
  claimSource: Int32Array;
  /** The claim (of another source, same relationship) that a claim contradicts, or -1. */
  contradicts: Int32Array;
}

/**
 * N distinct relationships: first one for every actor (so none is left without a tie), then the
 * rest with both ends drawn by weight, among the kinds the rule links.
 */
function makeRelationships(n: number, actors: Actors, pools: Pool[], dice: Dice) {
  const count = actors.ids.length;
  const subject = new Int32Array(n);
  const object = new Int32Array(n);
  const rule = new Uint8Array(n);
  const role = new Uint8Array(n);
  const seen = new Set<number>();
  let made = 0;
  const add = (s: number, o: number, r: number) => {
    const roleIndex = dice.int(rules[r]!.roles?.length ?? 1);
    const key = ((s * count + o) * rules.length + r) * 8 + roleIndex;
    if (s === o || seen.has(key)) return false;
    seen.add(key);
    [subject[made], object[made], rule[made], role[made]] = [s, o, r, roleIndex];
    made++;
    return true;
  };
  const ruleChoices = rules.map((r, index) => ({ index, weight: r.weight, r }));
  for (let i = 0; i < count && made < n; i++) {
    const kind = kinds[actors.kinds[i]!]!;
    const fitting = ruleChoices.filter(({ r }) => r.subjects.includes(kind) || r.objects.includes(kind));
    for (let tries = 0; tries < 20; tries++) {
      const { index, r } = dice.weighted(fitting);
      const asSubject = r.subjects.includes(kind) && (!r.objects.includes(kind) || dice.chance(0.5));
      const other = draw(pools, asSubject ? r.objects : r.subjects, dice);
      if (asSubject ? add(i, other, index) : add(other, i, index)) break;
    }
  }
  for (let misses = 0; made < n; ) {
    const { index, r } = dice.weighted(ruleChoices);
    if (add(draw(pools, r.subjects, dice), draw(pools, r.objects, dice), index)) misses = 0;
    else if (++misses > 10_000) throw new UserError(`cannot find ${n} distinct relationships among ${count} actors`);
  }
  return { subject, object, rule, role };
}

/** Claims per relationship: k with P(k >= m) = m^-2.2 (a Pareto tail, mean about 1.5), each from a different source. */
function makeClaims(relationships: ReturnType<typeof makeRelationships>, sourceCount: number, dice: Dice): Skeleton {
  const n = relationships.subject.length;
  const claimStart = new Int32Array(n + 1);
  const most = Math.min(20, sourceCount);
  for (let r = 0; r < n; r++) claimStart[r + 1] = claimStart[r]! + Math.min(most, Math.floor((1 - dice.float()) ** (-1 / 2.2)));
  const total = claimStart[n]!;
  const claimRelationship = new Int32Array(total);
  const claimSource = new Int32Array(total);
  const contradicts = new Int32Array(total).fill(-1);
  for (let r = 0; r < n; r++) {
    const [first, end] = [claimStart[r]!, claimStart[r + 1]!];
    const used = new Set<number>();
    for (let c = first; c < end; c++) {
      let source = dice.int(sourceCount);
      while (used.has(source)) source = dice.int(sourceCount);
      used.add(source);
      claimRelationship[c] = r;
      claimSource[c] = source;
    }
    if (end - first >= 2 && dice.chance(0.3)) contradicts[end - 1] = first;
  }
  return { ...relationships, claimRelationship, claimSource, contradicts };
}

// ---- Sources: metadata, then each text and data file in turn.

interface SourceMeta { id: string; file: string; title: string; publisher: string; author?: string; published: string; year: number }

function partialDate(year: number, dice: Dice, weights = [0.4, 0.3]): string {
  const u = dice.float();
  const month = String(1 + dice.int(12)).padStart(2, '0');
  if (u < weights[0]!) return String(year);
  if (u < weights[0]! + weights[1]!) return `${year}-${month}`;
  return `${year}-${month}-${String(1 + dice.int(28)).padStart(2, '0')}`;
}

/** "2014", "March 2014" or "3 March 2014". */
function spoken(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year!;
  const name = months[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

function makeSources(count: number, dice: Dice): SourceMeta[] {
  return Array.from({ length: count }, (_, s) => {
    const publisher = dice.pick(publishers);
    // More reporting in later years: the year's density grows linearly over 1990-2025.
    const year = Math.min(2025, 1990 + Math.floor(36 * Math.sqrt(dice.float())));
    const published = partialDate(year, dice, [0.15, 0.35]);
    const id = `${slug(publisher)}-${published}-report-${s + 1}`;
    const author = dice.chance(0.6) ? `${dice.pick(givenNames)} ${actorName('Person', dice).split(' ')[1]}` : undefined;
    return { id, file: `${id}.txt`, title: `${dice.pick(topics)} (${publisher} report ${s + 1})`, publisher, author, published, year };
  });
}

/** When a claim says it was: undated, a year, month or day, a span, or the source's own vague words. */
function claimDates(latestYear: number, dice: Dice): { since?: string; until?: string; dateText?: string; phrase: string } {
  if (dice.chance(0.25)) return { phrase: '' };
  const year = 1990 + dice.int(latestYear - 1990 + 1);
  if (dice.chance(0.12)) {
    const dateText = `${dice.pick(seasons)} ${year}`;
    return { since: String(year), dateText, phrase: ` in ${dateText}` };
  }
  const since = partialDate(year, dice);
  if (year >= latestYear || !dice.chance(0.25)) return { since, phrase: ` since ${spoken(since)}` };
  const until = partialDate(year + 1 + dice.int(latestYear - year), dice);
  return { since, until, phrase: ` from ${spoken(since)} until ${spoken(until)}` };
}

interface Writing {
  actors: Actors;
  skeleton: Skeleton;
  sources: SourceMeta[];
  pools: Pool[];
  dice: Dice;
  /** How often each actor is named in claimedBy. */
  claimedBy: Int32Array;
}

const relationshipOf = (w: Writing, r: number) => {
  const rule = rules[w.skeleton.rule[r]!]!;
  const role = rule.roles?.[w.skeleton.role[r]!];
  return { rule, role, id: relationshipId(w.actors.ids[w.skeleton.subject[r]!]!, rule.type, w.actors.ids[w.skeleton.object[r]!]!, role) };
};

const claimId = (w: Writing, c: number) => `${relationshipOf(w, w.skeleton.claimRelationship[c]!).id}--${w.sources[w.skeleton.claimSource[c]!]!.id}`;

/** How a text names an actor: mostly its name, sometimes one of its aliases. */
function named(w: Writing, actor: number): string {
  const aliases = w.actors.aliases[actor]!;
  return aliases.length > 0 && w.dice.chance(0.25) ? w.dice.pick(aliases) : w.actors.names[actor]!;
}

/** Someone who claims or disputes: a state, an agency or a person, the prominent ones more often. */
function voice(w: Writing, not: number[]): number {
  let actor = draw(w.pools, ['State', 'Organization', 'Person'], w.dice);
  while (not.includes(actor)) actor = draw(w.pools, ['State', 'Organization', 'Person'], w.dice);
  return actor;
}

const list = (w: Writing, actors: number[]) => actors.map((a) => named(w, a)).join(' and ');

/** One claim: its entry for the data file and its quotes, the sentences that go into the text. */
function makeClaim(w: Writing, c: number, source: SourceMeta) {
  const { dice, skeleton } = w;
  const r = skeleton.claimRelationship[c]!;
  const [s, o] = [skeleton.subject[r]!, skeleton.object[r]!];
  const { rule, role } = relationshipOf(w, r);
  const dates = claimDates(source.year, dice);
  const fact =
    dice
      .pick(rule.says)
      .replace('{a role}', `${/^[aeiou]/.test(role ?? '') ? 'an' : 'a'} ${role}`)
      .replace('{the role}', `the ${role}`)
      .replace('{role}', role ?? '')
      .replace('{s}', () => named(w, s))
      .replace('{o}', () => named(w, o)) + dates.phrase;
  const u = dice.float();
  // One claim in twenty-five is a curator's reading (INFERRED), quoting the sentence it was read from.
  const stance = u < 0.46 ? 'ASSERTED' : u < 0.5 ? 'INFERRED' : u < 0.88 ? 'ATTRIBUTED' : 'DENIED';
  const claimedBy: number[] = [];
  const disputedBy: number[] = [];
  const quotes: string[] = [];
  if (stance === 'ASSERTED' || stance === 'INFERRED') quotes.push(`${capitalise(fact)}.`);
  if (stance === 'ATTRIBUTED') {
    claimedBy.push(voice(w, [s, o]));
    if (dice.chance(0.15)) claimedBy.push(voice(w, [s, o, ...claimedBy]));
    quotes.push(dice.chance(0.5) ? `According to ${list(w, claimedBy)}, ${fact}.` : `${list(w, claimedBy)} said that ${fact}.`);
    if (dice.chance(0.12)) {
      disputedBy.push(voice(w, [s, o, ...claimedBy]));
      quotes.push(`${list(w, disputedBy)} ${dice.pick(['rejected the claim', 'called the report baseless'])}.`);
    }
  }
  if (stance === 'DENIED') {
    disputedBy.push(voice(w, [s, o]));
    if (dice.chance(0.4)) {
      claimedBy.push(voice(w, [s, o, ...disputedBy]));
      quotes.push(`${list(w, claimedBy)} had said that ${fact}.`);
    }
    quotes.push(`${list(w, disputedBy)} denied that ${fact}.`);
  }
  for (const a of claimedBy) w.claimedBy[a]!++;
  const other = skeleton.contradicts[c]!;
  const entry = {
    id: claimId(w, c),
    type: rule.type,
    subject: w.actors.ids[s],
    object: w.actors.ids[o],
    role,
    since: dates.since,
    until: dates.until,
    dateText: dates.dateText,
    stance,
    claimedBy: claimedBy.length > 0 ? claimedBy.map((a) => w.actors.ids[a]) : undefined,
    disputedBy: disputedBy.length > 0 ? disputedBy.map((a) => w.actors.ids[a]) : undefined,
    contradicts: other >= 0 ? [claimId(w, other)] : undefined,
    note: stance === 'INFERRED' ? 'Curator\'s reading: the sentence names the two actors; the tie is inferred from its context.' : undefined,
    quotes,
  };
  return { entry, quotes };
}

/** A source's text (filler sentences between the claims' quotes, in paragraphs) and its data file. */
function sourceFiles(w: Writing, source: SourceMeta, claims: Iterable<number>) {
  const sentences: string[] = [];
  const entries = [];
  for (const c of claims) {
    for (let f = w.dice.int(3); f > 0; f--) sentences.push(w.dice.pick(fillers));
    const { entry, quotes } = makeClaim(w, c, source);
    sentences.push(...quotes);
    entries.push(entry);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = 2 + w.dice.int(4);
    paragraphs.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  const text = [source.title, `${source.publisher}, ${spoken(source.published)}`, ...paragraphs].join('\n\n') + '\n';
  const { year: _, ...block } = source;
  return { text, data: { source: block, claims: entries } };
}

// ---- Probes: what the benchmark asks about, chosen from the graph made.

function degrees(actorCount: number, skeleton: Skeleton): Int32Array {
  const degree = new Int32Array(actorCount);
  skeleton.subject.forEach((s, r) => {
    degree[s]!++;
    degree[skeleton.object[r]!]!++;
  });
  return degree;
}

/** Hop distances from `start` over relationships in either direction (adjacency in CSR form). */
function distances(start: number, degree: Int32Array, skeleton: Skeleton): Int32Array {
  const offsets = new Int32Array(degree.length + 1);
  degree.forEach((d, i) => (offsets[i + 1] = offsets[i]! + d));
  const fill = offsets.slice(0, -1);
  const neighbours = new Int32Array(offsets[degree.length]!);
  skeleton.subject.forEach((s, r) => {
    const o = skeleton.object[r]!;
    neighbours[fill[s]!++] = o;
    neighbours[fill[o]!++] = s;
  });
  const distance = new Int32Array(degree.length).fill(-1);
  const queue = new Int32Array(degree.length);
  let [head, tail] = [0, 1];
  [queue[0], distance[start]] = [start, 0];
  while (head < tail) {
    const a = queue[head++]!;
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) {
      const b = neighbours[i]!;
      if (distance[b] === -1) [distance[b], queue[tail++]] = [distance[a]! + 1, b];
    }
  }
  return distance;
}

/** A spelling of a prominent actor's name that no name or alias holds: two transliterations at once. */
function searchProbe(actors: Actors, byDegree: number[], taken: Set<string>): { text: string; actor: number } {
  for (const actor of byDegree.slice(0, 50)) {
    const name = actors.names[actor]!;
    for (const first of transliterations) {
      for (const second of transliterations) {
        const text = second(first(name));
        if (text !== name && !taken.has(text.toLowerCase())) return { text, actor };
      }
    }
  }
  throw new Error('no actor among the 50 with most ties has an unused spelling');
}

/** The word of an actor's name that fewest names share (its most telling word). */
function tellingWord(actors: Actors, actor: number): string {
  const words = (name: string) => name.split(/[^A-Za-z]+/).filter((w) => w.length >= 3);
  const frequency = new Map<string, number>();
  for (const name of actors.names) for (const word of words(name)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return words(actors.names[actor]!).sort((a, b) => frequency.get(a)! - frequency.get(b)! || b.length - a.length)[0]!;
}

/** From one of the first leaves, an actor three or four hops away (the farthest, if nearer). */
function pathProbe(leaves: number[], degree: Int32Array, skeleton: Skeleton): { from: number; to: number } | undefined {
  for (const from of leaves.slice(0, 20)) {
    const distance = distances(from, degree, skeleton);
    const farthest = Math.min(4, distance.reduce((most, d) => Math.max(most, d), 0));
    if (farthest >= 3) return { from, to: distance.indexOf(farthest) };
  }
  return undefined;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function chooseProbes(w: Writing, taken: Set<string>, claimsPerSource: Int32Array) {
  const { actors, skeleton } = w;
  const degree = degrees(actors.ids.length, skeleton);
  const byDegree = [...degree.keys()].sort((a, b) => degree[b]! - degree[a]! || a - b);
  const hub = byDegree[0]!;
  const leaves = [...degree.keys()].filter((a) => degree[a]! >= 1 && degree[a]! <= 3);
  const path = pathProbe(leaves, degree, skeleton);
  if (leaves.length === 0 || !path) throw new UserError('the graph is too small to hold a leaf and a path of three hops: ask for more relationships');
  const typeCounts = new Map<string, number>();
  for (const r of skeleton.rule) typeCounts.set(rules[r]!.type, (typeCounts.get(rules[r]!.type) ?? 0) + 1);
  const search = searchProbe(actors, byDegree, taken);
  const years = w.sources.map((s) => s.year).sort((a, b) => a - b);
  const probes: Probes = {
    hub: actors.ids[hub]!,
    leaf: actors.ids[leaves[0]!]!,
    pathFrom: actors.ids[path.from]!,
    pathTo: actors.ids[path.to]!,
    searchText: search.text,
    claimant: actors.ids[argmax(w.claimedBy)]!,
    source: w.sources[argmax(claimsPerSource)]!.id,
    quoteText: tellingWord(actors, hub),
    asOf: String(years[years.length >> 1]),
    types: [...typeCounts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([type]) => type),
  };
  return { probes, searchTarget: actors.ids[search.actor]! };
}

// ---- Writing it all.

function writeData(dir: string, name: string, content: object, format: 'yaml' | 'json') {
  fs.writeFileSync(path.join(dir, `${name}.${format}`), format === 'json' ? `${JSON.stringify(content)}\n` : stringify(content, { lineWidth: 0 }));
}

/**
 * Writes outDir/data (a file per source with its claims, actors in files of 20,000),
 * outDir/sources (the texts), outDir/probes.json and outDir/manifest.json (options, counts,
 * and searchTarget: the actor that probes.searchText should find).
 */
export async function generateGraph(outDir: string, options: GenerateOptions): Promise<GeneratedGraph> {
  const { relationships: n, seed = 1, format = 'yaml' } = options;
  if (!Number.isInteger(n) || n < 100) throw new UserError(`relationships must be an integer of at least 100, got ${n}`);
  if (!Number.isInteger(seed)) throw new UserError(`seed must be an integer, got ${seed}`);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new UserError(`${outDir} is not empty: give a new or empty folder`);
  const dataDir = path.join(outDir, 'data');
  const sourcesDir = path.join(outDir, 'sources');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(sourcesDir, { recursive: true });

  const dice = new Dice(seed);
  const { actors, taken } = makeActors(Math.max(12, Math.round(n / 10)), dice);
  const pools = makePools(actors);
  const relationships = makeRelationships(n, actors, pools, dice);
  // About 100 claims per source; 1.5 claims per relationship on average.
  const sourceCount = Math.max(3, Math.ceil((n * 1.5) / 100));
  const skeleton = makeClaims(relationships, sourceCount, dice);
  const w: Writing = { actors, skeleton, sources: makeSources(sourceCount, dice), pools, dice, claimedBy: new Int32Array(actors.ids.length) };

  // Each source's claims, by counting sort on the claim's source.
  const claimsPerSource = new Int32Array(sourceCount);
  skeleton.claimSource.forEach((s) => claimsPerSource[s]!++);
  const start = new Int32Array(sourceCount + 1);
  claimsPerSource.forEach((count, s) => (start[s + 1] = start[s]! + count));
  const next = start.slice(0, -1);
  const bySource = new Int32Array(skeleton.claimSource.length);
  skeleton.claimSource.forEach((s, c) => (bySource[next[s]!++] = c));
  w.sources.forEach((source, s) => {
    const { text, data } = sourceFiles(w, source, bySource.subarray(start[s]!, start[s + 1]!));
    fs.writeFileSync(path.join(sourcesDir, source.file), text);
    writeData(dataDir, source.id, data, format);
  });

  const perFile = 20_000;
  for (let first = 0; first < actors.ids.length; first += perFile) {
    const entries = actors.ids.slice(first, first + perFile).map((id, k) => {
      const i = first + k;
      const aliases = actors.aliases[i]!;
      return { id, kind: kinds[actors.kinds[i]!], name: actors.names[i], aliases: aliases.length > 0 ? aliases : undefined, description: `Generated ${kinds[actors.kinds[i]!]!.toLowerCase()} for benchmarks.` };
    });
    writeData(dataDir, `actors-${String(first / perFile).padStart(3, '0')}`, { actors: entries }, format);
  }

  const { probes, searchTarget } = chooseProbes(w, taken, claimsPerSource);
  const counts = {
    actors: actors.ids.length,
    sources: sourceCount,
    claims: skeleton.claimSource.length,
    relationships: n,
    contradictions: skeleton.contradicts.filter((c) => c >= 0).length,
  };
  fs.writeFileSync(path.join(outDir, 'probes.json'), `${JSON.stringify(probes, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify({ options: { relationships: n, seed, format }, counts, searchTarget }, null, 2)}\n`);
  return { dataDir, sourcesDir, probes, counts };
}

/** Bytes under a folder. */
function sizeOf(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((sum, e) => sum + (e.isFile() ? fs.statSync(path.join(e.parentPath, e.name)).size : 0), 0);
}

/** The command line of `npm run bench:generate` (src/cli/benchGenerate.ts). */
export async function generateCli(): Promise<void> {
  const { values } = parseArgs({ options: { relationships: { type: 'string' }, out: { type: 'string' }, format: { type: 'string', default: 'yaml' }, seed: { type: 'string', default: '1' } } });
  if (!values.relationships || !values.out) throw new UserError('usage: npm run bench:generate -- --relationships N --out DIR [--format yaml|json] [--seed S]');
  if (values.format !== 'yaml' && values.format !== 'json') throw new UserError(`--format must be yaml or json, got "${values.format}"`);
  const started = performance.now();
  const graph = await generateGraph(values.out, { relationships: Number(values.relationships), seed: Number(values.seed), format: values.format });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mib = (dir: string) => (sizeOf(dir) / 2 ** 20).toFixed(1);
  console.log(`${JSON.stringify(graph.counts)}\nwritten in ${seconds} s: data ${mib(graph.dataDir)} MiB, sources ${mib(graph.sourcesDir)} MiB\n${JSON.stringify(graph.probes)}`);
}
