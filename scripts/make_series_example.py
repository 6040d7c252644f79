#!/usr/bin/env python3
"""Draw docs/series_example.svg, the `dyad series --plot` example in the README.

Usage: scripts/make_series_example.py [DYAD_BINARY]   (default: build/dyad)

The articles are synthetic (one-sentence reports from templates, a fixed random
seed) so that the example needs no news corpus: a year of US-China relations with
talks and agreements in spring and a slide into sanctions and blockades in autumn.
Everything after that is dyad: the articles are coded with `dyad code --db` and the
chart is drawn by `dyad series --plot`.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# (quad class, sentence) - each codes one US-China event (or two, for mutual ones).
TEMPLATES = {
    1: ["US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing.",
        "China praised the United States for its restraint.",
        "China urged the United States to lift tariffs.",
        "China signed a trade agreement with the United States."],
    2: ["The United States sent humanitarian aid to China.",
        "The United States released Chinese prisoners."],
    3: ["The United States accused China of stealing trade secrets.",
        "China criticized the United States over Taiwan.",
        "China threatened the United States with retaliation."],
    4: ["The United States imposed sanctions on China.",
        "Chinese warships blockaded American vessels.",
        "The United States expelled Chinese diplomats."],
}

# Expected reports per month and quad class: cooperation peaks in spring, conflict in autumn.
MONTHLY = [
    # verbal coop, material coop, verbal conflict, material conflict
    (6, 1, 4, 1), (8, 2, 3, 1), (11, 3, 3, 0), (14, 4, 2, 1), (12, 3, 3, 1), (9, 2, 5, 2),
    (7, 1, 7, 2), (5, 1, 9, 4), (4, 0, 12, 6), (3, 0, 14, 9), (4, 1, 11, 7), (6, 1, 8, 4),
]


def articles():
    rng = random.Random(7)
    n = 0
    for month, counts in enumerate(MONTHLY, start=1):
        for quad, mean in enumerate(counts, start=1):
            for _ in range(max(0, round(rng.gauss(mean, mean ** 0.5 / 2)))):
                n += 1
                day = rng.randint(1, 28)
                yield {"doc_id": f"example-{n:04d}", "date": f"2024-{month:02d}-{day:02d}",
                       "text": rng.choice(TEMPLATES[quad])}


def main() -> int:
    dyad = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "build", "dyad")
    out = os.path.join(REPO, "docs", "series_example.svg")
    with tempfile.TemporaryDirectory() as tmp:
        src, db = os.path.join(tmp, "articles.jsonl"), os.path.join(tmp, "events.sqlite")
        with open(src, "w", encoding="utf-8") as f:
            for a in articles():
                f.write(json.dumps(a) + "\n")
        subprocess.run([dyad, "code", src, "--db", db, "-o", os.devnull], check=True)
        subprocess.run([dyad, "series", "--db", db, "--dyad", "USA-CHN", "--both-directions", "--by", "month",
                        "--plot", out], check=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
