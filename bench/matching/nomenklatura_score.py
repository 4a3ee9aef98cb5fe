"""Scores pairs of FollowTheMoney entities with nomenklatura's matchers (the OpenSanctions matcher),
for the comparison of `npm run bench:match -- --nomenklatura` (bench/matching/nomenklatura.ts).

    python nomenklatura_score.py ALGORITHM... < INPUT.jsonl

Input: JSON lines, each {"entity": <FtM entity>} or {"pair": [query id, candidate id]}, the
entities before the pairs that name them. Output: a first line {"versions", "algorithms"}, then one
line per pair, [query id, candidate id, score of each algorithm in the order given]. Each algorithm
is called as yente calls it: compare(query, candidate, its default configuration).
"""

import json
import platform
import sys
from importlib.metadata import version

from followthemoney import model
from nomenklatura.matching import get_algorithm


def main(names):
    algorithms = []
    for name in names:
        algorithm = get_algorithm(name)
        if algorithm is None:
            sys.exit(f"nomenklatura has no algorithm {name!r}")
        algorithms.append((algorithm, algorithm.default_config()))
    versions = {package: version(package) for package in ("nomenklatura", "followthemoney", "rigour")}
    versions["python"] = platform.python_version()
    print(json.dumps({"versions": versions, "algorithms": names}), flush=True)
    entities = {}
    for number, line in enumerate(sys.stdin, start=1):
        data = json.loads(line)
        if "entity" in data:
            proxy = model.get_proxy(data["entity"], cleaned=False)
            entities[proxy.id] = proxy
            continue
        query_id, candidate_id = data["pair"]
        if query_id not in entities or candidate_id not in entities:
            sys.exit(f"line {number}: pair names an entity not given before it: {query_id}, {candidate_id}")
        query, candidate = entities[query_id], entities[candidate_id]
        scores = [round(algorithm.compare(query, candidate, config).score, 4) for algorithm, config in algorithms]
        print(json.dumps([query_id, candidate_id, *scores]))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
