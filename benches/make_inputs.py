#!/usr/bin/env python3
"""Builds large benchmark inputs from the project's fixtures (never from evaluation data).

    python3 benches/make_inputs.py drafts DIR N      # N Markdown drafts in DIR
    python3 benches/make_inputs.py jsonl FILE MB     # a JSON Lines corpus of about MB megabytes
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "drafts"
DRAFTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("*/*.md"))]


def drafts(out: pathlib.Path, count: int) -> None:
    for i in range(count):
        sub = out / f"d{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"draft-{i:05d}.md").write_text(DRAFTS[i % len(DRAFTS)], encoding="utf-8")


def jsonl(out: pathlib.Path, megabytes: float) -> None:
    limit, written, i = megabytes * 1e6, 0, 0
    with out.open("w", encoding="utf-8") as f:
        while written < limit:
            line = json.dumps({"id": i, "text": DRAFTS[i % len(DRAFTS)]}) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


if __name__ == "__main__":
    kind, target, amount = sys.argv[1], pathlib.Path(sys.argv[2]), float(sys.argv[3])
    drafts(target, int(amount)) if kind == "drafts" else jsonl(target, amount)
