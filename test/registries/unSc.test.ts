// src/registries/unSc.ts: the UN Security Council Consolidated List read from its XML, every value
// with the span of its raw characters; bad files refused naming the record. Needs no database; reads
// the real snapshots of seed/registries/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot, registryLimits } from '../../src/config.ts';
import { RegistryFileError } from '../../src/registries/registryError.ts';
import { readUnScList, type SpannedValue, type UnScRecord, type UnScSnapshot } from '../../src/registries/unSc.ts';

const registries = path.join(projectRoot, 'seed', 'registries');

/** The snapshot's text and what the reader makes of it (read once per file). */
const snapshots = new Map<string, { text: string; list: UnScSnapshot }>();
function snapshot(date: string): { text: string; list: UnScSnapshot } {
  const file = path.join(registries, `un-sc-consolidated-${date}.xml`);
  assert.ok(fs.existsSync(file), `${file} is missing: these tests read the UN lists from seed/registries/`);
  let read = snapshots.get(date);
  if (!read) {
    const text = fs.readFileSync(file, 'utf8');
    read = { text, list: readUnScList(text, path.basename(file)) };
    snapshots.set(date, read);
  }
  return read;
}

const byReference = (list: UnScSnapshot, reference: string): UnScRecord => {
  const record = list.records.find((r) => r.referenceNumber.value === reference);
  assert.ok(record, `${reference} is not in ${list.file}`);
  return record;
};

/** XML's decoding of character data (the lists hold no CDATA). */
const decodeXml = (raw: string) =>
  raw
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** Every SpannedValue of a record but the narrative's references (spelled canonically), with where it was found. */
function spannedValues(value: unknown, at: string, found: Array<[string, SpannedValue]> = []): Array<[string, SpannedValue]> {
  if (Array.isArray(value)) value.forEach((item, i) => spannedValues(item, `${at}[${i}]`, found));
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.value === 'string' && typeof object.start === 'number' && typeof object.end === 'number') found.push([at, object as unknown as SpannedValue]);
    for (const [key, inner] of Object.entries(object)) if (key !== 'narrativeReferences') spannedValues(inner, `${at}.${key}`, found);
  }
  return found;
}

const dates = ['2018-10-29', '2024-09-26'] as const;

describe('readUnScList on the real snapshots', () => {
  it('reads every individual and entity (counts of seed/registries/README.md) and dateGenerated as given', () => {
    const expected = { '2018-10-29': [703, 390], '2024-09-26': [682, 193] };
    for (const date of dates) {
      const { text, list } = snapshot(date);
      const individuals = list.records.filter((r) => r.kind === 'individual').length;
      const entities = list.records.filter((r) => r.kind === 'entity').length;
      assert.deepEqual([individuals, entities], expected[date], date);
      assert.ok(list.dateGenerated.value.startsWith(date), list.dateGenerated.value);
      assert.equal(text.slice(list.dateGenerated.start, list.dateGenerated.end), list.dateGenerated.value);
      assert.equal(new Set(list.records.map((r) => r.referenceNumber.value)).size, list.records.length, 'reference numbers are unique');
    }
  });

  it('finds the Islamic Movement of Uzbekistan, Katibat Imam al-Bukhari and (2024 only) KTJ with their names and aliases', () => {
    for (const date of dates) {
      const { list } = snapshot(date);
      const imu = byReference(list, 'QDe.010');
      assert.equal(imu.kind, 'entity');
      assert.equal(imu.names.first?.value, 'ISLAMIC MOVEMENT OF UZBEKISTAN');
      assert.deepEqual(imu.aliases.map((a) => [a.quality?.value, a.name.value]), [['a.k.a.', 'IMU']]);
      assert.equal(imu.listedOn?.value, '2001-10-06');
      assert.equal(imu.unListType?.value, 'Al-Qaida');
      const kib = byReference(list, 'QDe.158');
      assert.equal(kib.names.first?.value, 'KHATIBA IMAM AL-BUKHARI (KIB)');
      assert.equal(kib.listedOn?.value, '2018-03-29');
      assert.deepEqual(kib.aliases.map((a) => [a.quality?.value, a.name.value]), [['a.k.a.', 'Khataib al-Imam al-Bukhari']]);
    }
    assert.equal(snapshot('2018-10-29').list.records.find((r) => r.referenceNumber.value === 'QDe.168'), undefined);
    const ktj = byReference(snapshot('2024-09-26').list, 'QDe.168');
    assert.equal(ktj.names.first?.value, 'KHATIBA AL-TAWHID WAL-JIHAD (KTJ)');
    assert.equal(ktj.listedOn?.value, '2022-03-07');
    assert.deepEqual(ktj.aliases.map((a) => `${a.quality?.value} ${a.name.value}`), ['a.k.a. JANNAT OSHIKLARI', 'a.k.a. Jama`at al-Tawhid wal-Jihad', 'f.k.a. JANNAT OSHIKLARI']);
  });

  it('reads an individual: names, titles, nationalities, aliases with their quality, places of birth', () => {
    const { list } = snapshot('2024-09-26');
    const anwari = byReference(list, 'TAi.005');
    assert.equal(anwari.kind, 'individual');
    assert.deepEqual([anwari.names.first?.value, anwari.names.second?.value, anwari.names.third?.value, anwari.names.fourth], ['MUHAMMAD', 'TAHER', 'ANWARI', undefined]);
    assert.deepEqual(anwari.titles.map((v) => v.value), ['Mullah']);
    assert.deepEqual(anwari.nationalities.map((v) => v.value), ['Afghanistan']);
    assert.deepEqual(anwari.lastDayUpdated.map((v) => v.value), ['2003-09-03', '2007-07-09', '2007-09-21', '2011-11-29']);
    assert.deepEqual(anwari.aliases.map((a) => a.quality?.value), ['Good', 'Good', 'Good', 'Low']);
    assert.deepEqual(anwari.addresses, [], 'an address of an empty <COUNTRY/> is no address');
    assert.deepEqual(Object.fromEntries(Object.entries(anwari.placesOfBirth[0]!.fields).map(([k, v]) => [k, v.value])), {
      CITY: 'Zurmat District',
      STATE_PROVINCE: 'Paktia Province',
      COUNTRY: 'Afghanistan',
    });
    assert.equal(anwari.line, 4);
  });

  it('gives every value of every record a span that cuts exactly its raw text, and decodes it', () => {
    for (const date of dates) {
      const { text, list } = snapshot(date);
      const lineStarts = [...text.matchAll(/\n/g)].map((match) => match.index + 1);
      const lineOf = (offset: number) => 1 + lineStarts.filter((start) => start <= offset).length;
      let checked = 0;
      let withEntities = 0;
      for (const record of list.records) {
        assert.ok(text.startsWith(record.kind === 'individual' ? '<INDIVIDUAL>' : '<ENTITY>', record.start), `${record.referenceNumber.value} start`);
        assert.ok(text.slice(0, record.end).endsWith(record.kind === 'individual' ? '</INDIVIDUAL>' : '</ENTITY>'), `${record.referenceNumber.value} end`);
        assert.equal(lineOf(record.start), record.line, `${record.referenceNumber.value} line`);
        for (const [where, { value, start, end }] of spannedValues(record, record.referenceNumber.value)) {
          assert.ok(record.start < start && start < end && end < record.end, `${date} ${where}: the span lies inside its record`);
          const raw = text.slice(start, end);
          // The whole content of one element, whitespace around it aside: a tag's end before, an end tag after.
          assert.match(text.slice(Math.max(0, start - 200), start), />[ \t\r\n]*$/, `${date} ${where}: a tag ends before the value`);
          assert.match(text.slice(end, end + 200), /^[ \t\r\n]*<\//, `${date} ${where}: an end tag follows the value`);
          assert.doesNotMatch(raw, /</, `${date} ${where}: no markup inside`);
          assert.equal(raw.trim() === raw || /^[^ \t\r\n].*[^ \t\r\n]$/s.test(raw), true, `${date} ${where}: trimmed`);
          assert.equal(decodeXml(raw), value, `${date} ${where}`);
          if (raw.includes('&')) withEntities++;
          else assert.equal(raw, value, `${date} ${where}`);
          checked++;
        }
      }
      assert.ok(checked > 20_000, `${date}: only ${checked} values checked`);
      assert.ok(withEntities > 0, `${date}: no value with an entity was checked`);
    }
  });

  it('names the reference numbers of a narrative, each in its sentence', () => {
    const { text, list } = snapshot('2024-09-26');
    const kib = byReference(list, 'QDe.158');
    const [nusra] = kib.narrativeReferences;
    assert.equal(nusra?.referenceNumber.value, 'QDe.137');
    assert.equal(text.slice(nusra.referenceNumber.start, nusra.referenceNumber.end), 'QDe.137');
    assert.equal(text.slice(nusra.sentence.start, nusra.sentence.end), 'Associated with Al-Nusrah Front for the People of the Levant (QDe.137).');
    const ktj = byReference(list, 'QDe.168');
    assert.deepEqual(ktj.narrativeReferences.map((r) => r.referenceNumber.value), ['QDe.137', 'QDe.158', 'QDe.119']);
    for (const date of dates) {
      for (const record of snapshot(date).list.records) {
        for (const { referenceNumber, sentence } of record.narrativeReferences) {
          const raw = snapshot(date).text.slice(referenceNumber.start, referenceNumber.end);
          assert.equal(raw.toUpperCase(), referenceNumber.value.toUpperCase());
          assert.match(referenceNumber.value, /^[A-Z]{2}[ei]\.\d{3}$/);
          assert.ok(record.comments!.start <= sentence.start && sentence.start <= referenceNumber.start && referenceNumber.end <= sentence.end && sentence.end <= record.comments!.end);
        }
      }
    }
  });

  it('reads a reference number the narrative spells otherwise (Qde.014) as the list spells it', () => {
    const { text, list } = snapshot('2024-09-26');
    const odd = list.records.flatMap((r) => r.narrativeReferences).find((r) => text.slice(r.referenceNumber.start, r.referenceNumber.end) === 'Qde.014');
    assert.equal(odd?.referenceNumber.value, 'QDe.014');
  });

  it('parses the 2 MB snapshot quickly', () => {
    const text = snapshot('2024-09-26').text;
    const runs = [1, 2, 3].map(() => {
      const started = performance.now();
      readUnScList(text, 'un-sc-consolidated-2024-09-26.xml');
      return performance.now() - started;
    });
    console.log(`# parsing the 2024 snapshot (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    assert.ok(Math.min(...runs) < 5_000);
  });
});

/** A small list of the given records (INDIVIDUAL and ENTITY elements, as XML text). */
const list = (individuals: string, entities = '', root = 'CONSOLIDATED_LIST') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} dateGenerated="2024-01-02T00:00:00Z">\n<INDIVIDUALS>\n${individuals}</INDIVIDUALS>\n<ENTITIES>\n${entities}</ENTITIES>\n</${root}>\n`;
const individual = (reference: string, dataId = '1') =>
  `<INDIVIDUAL>\n<DATAID>${dataId}</DATAID>\n${reference ? `<REFERENCE_NUMBER>${reference}</REFERENCE_NUMBER>\n` : ''}<FIRST_NAME>A &amp; B</FIRST_NAME>\n</INDIVIDUAL>\n`;
const entity = (reference: string) => `<ENTITY>\n<REFERENCE_NUMBER>${reference}</REFERENCE_NUMBER>\n<FIRST_NAME>G</FIRST_NAME>\n</ENTITY>\n`;
/** A small list whose root has the given content. */
const root = (content: string, dateGenerated = '2024-01-02T00:00:00Z') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="${dateGenerated}">\n${content}</CONSOLIDATED_LIST>\n`;

/** The RegistryFileError reading `text` throws; fails when it reads. */
function refusal(text: string, maxBytes?: number): RegistryFileError {
  try {
    readUnScList(text, 'bad.xml', { maxBytes });
  } catch (error) {
    assert.ok(error instanceof RegistryFileError, `not a RegistryFileError: ${String(error)}`);
    return error;
  }
  assert.fail('the file was read');
}

describe('readUnScList on bad files', () => {
  it('reads a small good list, an entity decoded in its value and raw in its span', () => {
    const text = list(individual('QDi.001'), '<ENTITY><REFERENCE_NUMBER>QDe.001</REFERENCE_NUMBER><FIRST_NAME>G</FIRST_NAME></ENTITY>\n');
    const read = readUnScList(text, 'good.xml');
    assert.equal(read.dateGenerated.value, '2024-01-02T00:00:00Z');
    assert.deepEqual(read.records.map((r) => [r.kind, r.referenceNumber.value, r.line]), [['individual', 'QDi.001', 4], ['entity', 'QDe.001', 11]]);
    const name = read.records[0]!.names.first!;
    assert.equal(name.value, 'A & B');
    assert.equal(text.slice(name.start, name.end), 'A &amp; B');
  });

  it('refuses a truncated file, naming the record it stops in', () => {
    const whole = list(individual('QDi.001') + individual('QDi.002', '2'));
    const error = refusal(whole.slice(0, whole.indexOf('<FIRST_NAME>', whole.indexOf('QDi.002'))));
    assert.equal(error.problems.length, 1);
    assert.match(error.message, /bad\.xml:\d+ INDIVIDUAL QDi\.002: unclosed tag/);
  });

  it('refuses text that is not XML, and an empty file', () => {
    assert.match(refusal('REFERENCE_NUMBER,NAME\nQDe.010,IMU\n').message, /bad\.xml:\d+ file: text data outside of root node/);
    assert.match(refusal('').message, /bad\.xml:1 file: document must contain a root element/);
    assert.match(refusal(list(individual('QDi.001')).replace('</DATAID>', '</DATA>')).message, /bad\.xml:5 INDIVIDUAL \(DATAID 1\): unexpected close tag/);
  });

  it('refuses another root element', () => {
    const error = refusal(list(individual('QDi.001'), '', 'SANCTIONS_LIST'));
    assert.match(error.message, /bad\.xml:2 file: the root element is <SANCTIONS_LIST>, not <CONSOLIDATED_LIST>/);
  });

  it('refuses a record without a reference number, naming its DATAID and line', () => {
    const error = refusal(list(individual('QDi.001') + individual('', '77')));
    assert.deepEqual(error.problems, [{ file: 'bad.xml', line: 9, path: 'INDIVIDUAL (DATAID 77)', message: 'no REFERENCE_NUMBER: every record must have one' }]);
  });

  it('refuses two records with one reference number, naming both lines', () => {
    const error = refusal(list(individual('QDi.001') + individual('QDi.001', '2')));
    assert.match(error.message, /bad\.xml:9 INDIVIDUAL QDi\.001: reference number QDi\.001 again \(first at line 4\)/);
  });

  it('collects every problem before it throws', () => {
    const error = refusal(list(individual('QDi.001') + individual('', '2') + individual('QDi.001', '3')));
    assert.deepEqual(error.problems.map((p) => [p.line, p.path]), [[9, 'INDIVIDUAL (DATAID 2)'], [13, 'INDIVIDUAL QDi.001']]);
    assert.match(error.message, /2 problem\(s\); nothing was taken from it/);
  });

  it('refuses a record in the other list, or anything else there, naming it and its line', () => {
    const error = refusal(list(individual('QDi.001') + entity('QDe.001'), individual('QDi.002', '2') + '<NOTE>x</NOTE>\n'));
    assert.deepEqual(error.problems, [
      { file: 'bad.xml', line: 9, path: 'ENTITY QDe.001', message: '<ENTITY> in <INDIVIDUALS>, where only <INDIVIDUAL> is expected: it is not read' },
      { file: 'bad.xml', line: 15, path: 'INDIVIDUAL QDi.002', message: '<INDIVIDUAL> in <ENTITIES>, where only <ENTITY> is expected: it is not read' },
      { file: 'bad.xml', line: 20, path: 'NOTE (record 4)', message: '<NOTE> in <ENTITIES>, where only <ENTITY> is expected: it is not read' },
    ]);
  });

  it('refuses records under an element a list does not have, and a list with neither INDIVIDUALS nor ENTITIES', () => {
    const wrapped = refusal(root(`<SANCTIONS>\n${individual('QDi.001')}${individual('QDi.002', '2')}</SANCTIONS>\n`));
    assert.deepEqual(wrapped.problems, [
      {
        file: 'bad.xml',
        line: 3,
        path: 'CONSOLIDATED_LIST/SANCTIONS',
        message: '<SANCTIONS> is not expected in <CONSOLIDATED_LIST>, which holds <INDIVIDUALS> and <ENTITIES>: it is not read (2 element(s) in it, the first INDIVIDUAL QDi.001 at line 4)',
      },
      { file: 'bad.xml', line: 2, path: 'CONSOLIDATED_LIST', message: 'neither <INDIVIDUALS> nor <ENTITIES>: the list holds no records' },
    ]);
    const beside = refusal(list(individual('QDi.001')).replace('<ENTITIES>', `${individual('QDi.002', '2')}<ENTITIES>`));
    assert.deepEqual(beside.problems.map((p) => `${p.line} ${p.path}: ${p.message}`), [
      '10 INDIVIDUAL QDi.002: <INDIVIDUAL> directly in <CONSOLIDATED_LIST>, outside <INDIVIDUALS> and <ENTITIES>: it is not read',
    ]);
    const notes = refusal(list(individual('QDi.001')).replace('<ENTITIES>', '<NOTES><NOTE>x</NOTE></NOTES>\n<ENTITIES>'));
    assert.match(notes.message, /bad\.xml:10 CONSOLIDATED_LIST\/NOTES: <NOTES> is not expected in <CONSOLIDATED_LIST>, which holds <INDIVIDUALS> and <ENTITIES>: it is not read \(1 element\(s\) in it, the first <NOTE> at line 10\)/);
    assert.match(refusal(root('')).message, /bad\.xml:2 CONSOLIDATED_LIST: neither <INDIVIDUALS> nor <ENTITIES>: the list holds no records/);
    assert.match(refusal(root('<toString/>\n<INDIVIDUALS/>\n')).message, /bad\.xml:3 CONSOLIDATED_LIST\/toString: <toString> is not expected/);
  });

  it('refuses a reference number not of the UN\'s form, naming the record and its line; reads one padded with spaces', () => {
    const error = refusal(list(individual('QDi.001') + individual('hello world', '77') + individual('QDi.1', '78'), entity('qde.001') + entity('QDx.002')));
    assert.deepEqual(error.problems.map((p) => [p.line, p.path, p.message]), [
      [9, 'INDIVIDUAL (DATAID 77)', 'reference number "hello world" is not of the UN\'s form: two capitals, e or i, a dot and three digits (QDe.010)'],
      [14, 'INDIVIDUAL (DATAID 78)', 'reference number "QDi.1" is not of the UN\'s form: two capitals, e or i, a dot and three digits (QDe.010)'],
      [21, 'ENTITY (record 4)', 'reference number "qde.001" is not of the UN\'s form: two capitals, e or i, a dot and three digits (QDe.010)'],
      [25, 'ENTITY (record 5)', 'reference number "QDx.002" is not of the UN\'s form: two capitals, e or i, a dot and three digits (QDe.010)'],
    ]);
    const padded = readUnScList(list(individual(' KPi.033 \n')), 'good.xml');
    assert.equal(padded.records[0]?.referenceNumber.value, 'KPi.033');
  });

  it('refuses a dateGenerated that is not an ISO 8601 datetime, naming it and its line; reads both forms of the real lists', () => {
    for (const date of ['yesterday', '', '2024-09-26', '2024-02-30T00:00:00Z', '2024-09-26 00:00:07Z', '2024-09-26T24:00:00Z', '2024-09-26T00:00:07.514Z ']) {
      const error = refusal(root(`<INDIVIDUALS>\n${individual('QDi.001')}</INDIVIDUALS>\n`, date));
      assert.deepEqual(error.problems, [{ file: 'bad.xml', line: 2, path: 'CONSOLIDATED_LIST', message: `dateGenerated "${date}" is not an ISO 8601 datetime (as 2024-09-26T00:00:07.514Z)` }], date);
    }
    for (const date of ['2024-09-26T00:00:07.514Z', '2018-10-29T19:09:49.856-04:00', '2018-10-29T19:09:49']) {
      assert.equal(readUnScList(root(`<ENTITIES/>\n`, date), 'good.xml').dateGenerated.value, date);
    }
  });

  it('refuses an oversized file before parsing it', () => {
    const text = list(individual('QDi.001'));
    assert.match(refusal(text, 100).message, /bad\.xml file: \d+ bytes, more than the 100 a registry file may have/);
    const huge = text + ' '.repeat(registryLimits.maxRegistryBytes);
    assert.match(refusal(huge).message, new RegExp(`more than the ${registryLimits.maxRegistryBytes}`));
  });
});
