"""Reads FollowTheMoney entities (JSON lines) and, optionally, their statements (followthemoney's
statement CSV) with followthemoney itself, the FtM reference implementation, and names every entity,
property or statement it rejects.

    python ftm_check.py ENTITIES.jsonl [STATEMENTS.csv]

Prints a JSON report on standard output ({"entities", "schemata", "statements", "rejections"}),
each rejection on standard error too, and exits 1 when there is any (2 on bad usage).
"""

import json
import sys
from collections import Counter, defaultdict

from followthemoney import model
from followthemoney.dataset import Dataset
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.statement import Statement, StatementEntity
from followthemoney.statement.serialize import read_csv_statements
from followthemoney.statement.util import get_prop_type
from followthemoney.types import registry
from followthemoney.util import ENTITY_ID_LEN
from rigour.time import iso_datetime


class Checker:
    def __init__(self):
        self.rejections = []

    def reject(self, where, why):
        self.rejections.append(f"{where}: {why}")

    def entity(self, line_no, data, ids):
        """The checks of one entity that need no other entity; returns its schema or None."""
        where = f"line {line_no}"
        if not isinstance(data, dict):
            return self.reject(where, "not a JSON object")
        entity_id = data.get("id")
        where = f"entity {entity_id!r} (line {line_no})"
        if not isinstance(entity_id, str) or not registry.entity.validate(entity_id) or len(entity_id) > ENTITY_ID_LEN:
            self.reject(where, "invalid entity id")
        if entity_id in ids:
            self.reject(where, "duplicate entity id")
        ids[entity_id] = data.get("schema")
        schema = model.get(data.get("schema"))
        if schema is None:
            return self.reject(where, f"unknown schema {data.get('schema')!r}")
        if schema.abstract:
            return self.reject(where, f"abstract schema {schema.name}")
        for field in ("first_seen", "last_seen"):
            if field in data:
                try:
                    iso_datetime(data[field])
                except (TypeError, ValueError):
                    self.reject(where, f"{field} {data[field]!r} is no FtM datetime")
        properties = data.get("properties")
        if not isinstance(properties, dict):
            return self.reject(where, "properties is not an object")
        for name, values in properties.items():
            prop = schema.get(name)
            if prop is None:
                self.reject(where, f"unknown property {name!r} of {schema.name}")
            elif prop.stub:
                self.reject(where, f"property {name!r} cannot be written (a reverse property)")
            elif not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                self.reject(where, f"property {name!r} is not a list of strings")
        for name in schema.required:
            if not properties.get(name):
                self.reject(where, f"required property {name!r} missing")
        known = {k: v for k, v in properties.items() if schema.get(k) is not None and isinstance(v, list)}
        try:
            schema.validate({"properties": known})
        except InvalidData as error:
            for name, why in error.errors.get("properties", {}).items():
                self.reject(where, f"property {name!r}: {why}")
        # Read as untrusted input, every value is cleaned by its type: one the library changes or drops is rejected.
        proxy = model.get_proxy({"id": entity_id, "schema": schema.name, "properties": known}, cleaned=False)
        for name, values in known.items():
            cleaned = proxy.get(name, quiet=True)
            for value in values:
                if value not in cleaned:
                    self.reject(where, f"property {name!r}: value {value!r} does not survive cleaning (as {cleaned!r})")
        return schema

    def ranges(self, entities, ids):
        """Every entity-typed value names an entity of the file whose schema is in the property's range."""
        for line_no, data, schema in entities:
            for name, values in data["properties"].items():
                prop = schema.get(name)
                if prop is None or prop.type != registry.entity:
                    continue
                for value in values:
                    target = model.get(ids.get(value) or "")
                    if value not in ids:
                        self.reject(f"entity {data['id']!r} (line {line_no})", f"property {name!r} names {value!r}, which is not in the file")
                    elif target is None or not target.is_a(prop.range):
                        self.reject(f"entity {data['id']!r} (line {line_no})", f"property {name!r} names a {ids[value]}, not a {prop.range.name}")

    def statements(self, path, entities):
        """Each statement as followthemoney reads it; the entities they make up equal the JSON ones."""
        by_entity = defaultdict(list)
        count = 0
        with open(path, "rb") as fh:
            for stmt in read_csv_statements(fh):
                count += 1
                where = f"statement {stmt.entity_id}.{stmt.prop}={stmt.value!r}"
                try:
                    if stmt.prop_type != get_prop_type(stmt.schema, stmt.prop):
                        self.reject(where, f"prop_type is not {get_prop_type(stmt.schema, stmt.prop)}")
                except TypeError as error:
                    self.reject(where, str(error))
                    continue
                if stmt.id != stmt.generate_key():
                    self.reject(where, f"id {stmt.id} is not followthemoney's key {stmt.generate_key()}")
                for field in ("first_seen", "last_seen"):
                    value = getattr(stmt, field)
                    try:
                        if value is not None:
                            iso_datetime(value)
                    except ValueError:
                        self.reject(where, f"{field} {value!r} is no FtM datetime")
                by_entity[stmt.entity_id].append(stmt)
        dataset = Dataset.make({"name": "actorgraph", "title": "Actor graph"})
        json_entities = {data["id"]: data for _, data, _ in entities}
        for entity_id, stmts in by_entity.items():
            built = StatementEntity.from_statements(dataset, stmts)
            data = json_entities.get(entity_id)
            if data is None:
                self.reject(f"statements of {entity_id!r}", "no such entity in the JSON lines")
                continue
            if built.schema.name != data["schema"]:
                self.reject(f"statements of {entity_id!r}", f"schema {built.schema.name}, not {data['schema']}")
            want = {k: sorted(v) for k, v in data["properties"].items()}
            have = {k: sorted(v) for k, v in built.properties.items()}
            if want != have:
                self.reject(f"statements of {entity_id!r}", f"make up {have}, not {want}")
        for entity_id in json_entities.keys() - by_entity.keys():
            self.reject(f"entity {entity_id!r}", "has no statements")
        return count


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    checker = Checker()
    ids = {}
    entities = []
    with open(argv[1], encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                checker.reject(f"line {line_no}", f"not JSON: {error}")
                continue
            schema = checker.entity(line_no, data, ids)
            if schema is not None and isinstance(data.get("properties"), dict):
                entities.append((line_no, data, schema))
    checker.ranges(entities, ids)
    statements = checker.statements(argv[2], entities) if len(argv) == 3 else None
    schemata = Counter(schema.name for _, _, schema in entities)
    report = {"entities": len(entities), "schemata": dict(sorted(schemata.items())), "statements": statements, "rejections": checker.rejections}
    print(json.dumps(report, indent=2))
    for rejection in checker.rejections:
        print(f"rejected: {rejection}", file=sys.stderr)
    return 1 if checker.rejections else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
