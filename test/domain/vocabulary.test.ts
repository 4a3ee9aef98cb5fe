// src/domain/vocabulary.ts: the controlled vocabulary and its whitelists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actorKindEnumValue,
  actorKindLabels,
  actorKinds,
  actorKindsByEnumValue,
  checkedActorKind,
  checkedRelationshipType,
  claimStatuses,
  credibilityGrades,
  relationshipTypes,
  reliabilityGrades,
  stances,
} from '../../src/domain/vocabulary.ts';

describe('vocabulary', () => {
  it('holds the terms the rules name', () => {
    assert.deepEqual([...claimStatuses].sort(), ['ALLEGED', 'DISPUTED', 'INFERRED', 'REPORTED']);
    assert.deepEqual([...stances].sort(), ['ASSERTED', 'ATTRIBUTED', 'DENIED', 'INFERRED']);
    assert.deepEqual(reliabilityGrades, ['A', 'B', 'C', 'D', 'E', 'F']);
    assert.deepEqual(credibilityGrades, [1, 2, 3, 4, 5, 6]);
    for (const kind of ['Group', 'Person', 'State']) assert.ok(actorKinds.includes(kind), kind);
    for (const type of ['MEMBER_OF', 'LEADS', 'PLEDGED_ALLEGIANCE_TO']) assert.ok(relationshipTypes.includes(type), type);
  });

  it('gives relationship types as Cypher can take them bare: upper snake case', () => {
    for (const type of relationshipTypes) assert.match(type, /^[A-Z]+(?:_[A-Z]+)*$/);
    for (const kind of actorKinds) assert.match(kind, /^[A-Z][A-Za-z]*$/);
  });
});

describe('actorKindEnumValue and actorKindsByEnumValue', () => {
  it('map Group to GROUP and back', () => {
    assert.equal(actorKindEnumValue('Group'), 'GROUP');
    assert.equal(actorKindsByEnumValue.GROUP, 'Group');
  });

  it('round-trip every kind, each to its own enum value', () => {
    for (const kind of actorKinds) assert.equal(actorKindsByEnumValue[actorKindEnumValue(kind)], kind);
    assert.equal(Object.keys(actorKindsByEnumValue).length, actorKinds.length, 'no two kinds share an enum value');
  });

  it('know no enum value that is not a kind', () => {
    assert.equal(actorKindsByEnumValue.Group, undefined);
    assert.equal(Object.hasOwn(actorKindsByEnumValue, 'SPACESHIP'), false);
  });
});

describe('checkedRelationshipType and checkedActorKind', () => {
  it('return a known term unchanged', () => {
    assert.equal(checkedRelationshipType('MEMBER_OF'), 'MEMBER_OF');
    assert.equal(checkedActorKind('Person'), 'Person');
  });

  it('refuse an unknown term, a different case and an injection, naming it', () => {
    assert.throws(() => checkedRelationshipType('LIKES'), /Unknown relationship type "LIKES"/);
    assert.throws(() => checkedRelationshipType('member_of'), /Unknown relationship type/);
    assert.throws(() => checkedRelationshipType('MEMBER_OF]->() DETACH DELETE n //'), /Unknown relationship type/);
    assert.throws(() => checkedActorKind('GROUP'), /Unknown actor kind "GROUP"/);
  });

  it('actorKindLabels lists every kind, colon-separated, for one REMOVE', () => {
    assert.deepEqual(actorKindLabels.split(':'), [...actorKinds]);
  });
});
