"""Names prepare and score the same in every process, whatever the string hash seed.

Worker processes, the process that built the cached index and the next run must
agree, or the index is no longer lossless and results cannot be reproduced.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "ofac_csv" / "sdn.csv"

SCRIPT = r"""
import csv, json, sys
from sanctions_cli.names import prepare_name
from sanctions_cli.matching.scorer import compare
names = [row[1] for row in csv.reader(open(sys.argv[1], encoding="latin-1")) if len(row) > 1]
names += [
    "SLAVKALI INOSTRANNOE OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIYU",
    "Obshchestvo s Ogranichennoi Otvetstvennostyu Nipigaz", "Kim Jong Sik", "김정식",
    "Владимир Путин", "محمد بن سلمان", "金正日", "Compnay Limtied", "Acme Holdings GmbH & Co. KG",
]
prepared = [prepare_name(n) for n in names]
out = [list(p.tokens) for p in prepared]
out += [compare(prepared[i], prepared[j]).score for i in range(0, len(prepared), 3) for j in range(len(prepared))]
print(json.dumps(out))
"""


def run(seed: str) -> object:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(FIXTURE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_same_tokens_and_scores_under_different_hash_seeds() -> None:
    first = run("1")
    for seed in ("2", "3", "4", "5", "6"):
        assert run(seed) == first, f"PYTHONHASHSEED={seed} differs"
