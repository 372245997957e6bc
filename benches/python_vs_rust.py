#!/usr/bin/env python3
"""Python's score_many against the Rust batch on the same texts and threads, and to_frame on
100,000 texts with its peak memory. Inputs come from the fixtures (benches/make_inputs.py).

    python3 benches/python_vs_rust.py [THREADS]

Needs the package installed (pip install ./python) and pandas; builds the Rust example itself.
"""

import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

import workslop

ROOT = pathlib.Path(__file__).resolve().parent.parent
THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 1


def kilobyte_texts(count: int) -> list[str]:
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/drafts").glob("*/*.md"))]
    texts = []
    for i in range(count):
        d = drafts[i % len(drafts)]
        cut = d.rfind(" ", 0, 1000)
        texts.append(d[: cut if cut > 0 else 1000])
    return texts


def main() -> None:
    texts = kilobyte_texts(10_000)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(json.dumps({"text": t}) + "\n" for t in texts)
    rust = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "workslop-benches", "--example", "batch_time", "--", f.name, str(THREADS)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(rust)
    rust_seconds = float(rust.split(": ")[-1].split(" s")[0])
    scorer = workslop.Scorer()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        reports = scorer.score_many(texts, threads=THREADS)
        best = min(best, time.perf_counter() - start)
        assert len(reports) == len(texts)
    print(f"python score_many: {len(texts)} texts, {THREADS} threads: {best:.3f} s, {best / rust_seconds:.2f}x the Rust batch")
    # In a fresh process, so the peak memory is to_frame's own (with its 100,000 input texts).
    code = (
        "import resource, sys, time, workslop\n"
        f"sys.path.insert(0, {str(ROOT / 'benches')!r})\n"
        "from python_vs_rust import kilobyte_texts\n"
        "many = kilobyte_texts(100_000)\n"
        "start = time.perf_counter()\n"
        f"frame = workslop.to_frame(many, threads={THREADS})\n"
        "seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        f"print(f'to_frame: {{len(frame)}} rows, {THREADS} threads: {{seconds:.2f}} s, peak RSS {{peak:.0f}} MB')\n"
    )
    print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip())

if __name__ == "__main__":
    main()
