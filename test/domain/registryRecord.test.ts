// src/domain/registryRecord.ts: a registry record found around an offset, read into fields whose
// pieces map back to the raw XML, so that a quote's offsets mark exactly its characters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { cutPieces, readRegistryRecord, recordSpanAt, registryGenerated, registryRecordIndex, type RecordField } from '../../src/domain/registryRecord.ts';

const xml = `<?xml version='1.0' encoding='UTF-8'?>
<CONSOLIDATED_LIST dateGenerated='2024-09-26T00:00:07.514Z'>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>ABU</FIRST_NAME>
      <SECOND_NAME>BAKR</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
      <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <FIRST_NAME>AL-NUSRAH &amp; PARTNERS</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER> QDe.137 </REFERENCE_NUMBER>
      <LISTED_ON>2013-05-14</LISTED_ON>
      <COMMENTS1><![CDATA[Associated with <Al-Qaida> (QDe.004).]]> Smith &amp; Co &#x41;.</COMMENTS1>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Jabhat al-Nusrah</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>`;

/** What a mark over [start, end) shows: the text of the pieces it covers once cut at its edges. */
const marked = (field: RecordField, start: number, end: number) =>
  cutPieces(field.pieces, [start, end])
    .filter((piece) => start <= piece.start && piece.end <= end)
    .map((piece) => piece.text)
    .join('');

describe('registry records', () => {
  it('finds the record around an offset, not an ENTITY_ALIAS', () => {
    const at = xml.indexOf('Jabhat');
    const span = recordSpanAt(xml, at)!;
    assert.ok(xml.slice(span.start, span.end).startsWith('<ENTITY>') && xml.slice(span.start, span.end).endsWith('</ENTITY>'));
    assert.equal(recordSpanAt(xml, xml.indexOf('dateGenerated')), null);
    assert.equal(recordSpanAt(xml, xml.indexOf('<ENTITIES>')), null);
  });

  it('reads the fields, entities and CDATA decoded, each piece standing for its raw characters', () => {
    const record = readRegistryRecord(xml, recordSpanAt(xml, xml.indexOf('QDe.137'))!);
    assert.equal(record.kind, 'entity');
    assert.equal(record.referenceNumber!.value, 'QDe.137');
    assert.equal(xml.slice(record.referenceNumber!.start, record.referenceNumber!.end), 'QDe.137', 'whitespace left out of the span');
    assert.deepEqual(record.names.map((n) => n.value), ['AL-NUSRAH & PARTNERS']);
    assert.equal(record.listedOn!.value, '2013-05-14');
    assert.deepEqual(record.aliases.map((a) => [a.quality?.value, a.name.value]), [['a.k.a.', 'Jabhat al-Nusrah']]);
    assert.equal(record.narrative!.value, 'Associated with <Al-Qaida> (QDe.004). Smith & Co A.');
    for (const field of [...record.names, record.narrative!]) {
      for (const piece of field.pieces) {
        if (!piece.decoded) assert.equal(xml.slice(piece.start, piece.end), piece.text);
      }
    }
  });

  it('marks exactly a quote: a plain one, one inside CDATA, one holding an entity', () => {
    const record = readRegistryRecord(xml, recordSpanAt(xml, xml.indexOf('QDe.137'))!);
    const listed = xml.indexOf('2013-05-14');
    assert.equal(marked(record.listedOn!, listed, listed + 10), '2013-05-14');
    const inCdata = xml.indexOf('<Al-Qaida>');
    assert.equal(marked(record.narrative!, inCdata, inCdata + 10), '<Al-Qaida>');
    const raw = 'Smith &amp; Co';
    const withEntity = xml.indexOf(raw);
    assert.equal(marked(record.narrative!, withEntity, withEntity + raw.length), 'Smith & Co', 'the slice shows decoded');
    const name = record.names[0]!;
    assert.equal(marked(name, name.start, name.start + 3), 'AL-');
  });

  it('lists every record by reference number and name, and reads the generated date', () => {
    assert.deepEqual(
      registryRecordIndex(xml).map((entry) => [entry.referenceNumber, entry.name]),
      [
        ['QDi.001', 'ABU BAKR'],
        ['QDe.137', 'AL-NUSRAH & PARTNERS'],
      ],
    );
    assert.equal(registryGenerated(xml), '2024-09-26T00:00:07.514Z');
  });

  it('reads the 2024 snapshot: every record indexed, KHATIBA IMAM AL-BUKHARI with its alias', () => {
    const text = fs.readFileSync(new URL('../../seed/registries/un-sc-consolidated-2024-09-26.xml', import.meta.url), 'utf8');
    const index = registryRecordIndex(text);
    assert.equal(index.length, text.split('<REFERENCE_NUMBER>').length - 1);
    const entry = index.find((e) => e.referenceNumber === 'QDe.158')!;
    assert.equal(entry.name, 'KHATIBA IMAM AL-BUKHARI (KIB)');
    const record = readRegistryRecord(text, entry);
    assert.equal(record.listedOn!.value, '2018-03-29');
    assert.deepEqual(record.aliases.map((a) => [a.quality?.value, a.name.value]), [['a.k.a.', 'Khataib al-Imam al-Bukhari']]);
    assert.match(record.narrative!.value, /^Associated with Al-Nusrah Front/);
  });
});
