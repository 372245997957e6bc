"""Safe in real notebooks: threads, fork, multiprocessing, WORKSLOP_NUM_THREADS."""

import multiprocessing
import os
import subprocess
import sys
import threading

import pytest

import workslop
from conftest import GENERIC, SPECIFIC

TEXTS = [GENERIC, SPECIFIC] * 50


def expected():
    return [r.score for r in workslop.Scorer().score_many(TEXTS)]


def test_concurrent_calls_from_threads_agree():
    scorer = workslop.Scorer()
    want = expected()
    results, errors = {}, []

    def work(i):
        try:
            results[i] = [r.score for r in scorer.score_many(TEXTS, threads=2)]
            assert scorer.score(GENERIC).score == want[0]
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert all(results[i] == want for i in range(6))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_use_after_fork():
    scorer = workslop.Scorer()
    want = expected()  # the pool exists before the fork
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the parent's pool threads do not exist here
        try:
            ok = [r.score for r in scorer.score_many(TEXTS)] == want
            os.write(write, b"ok" if ok else b"bad")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 8) == b"ok" and status == 0


def _score_in_child(texts):
    return [r.score for r in workslop.Scorer().score_many(texts)]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(method)
    want = expected()
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        got = pool.map(_score_in_child, [TEXTS[:50], TEXTS[50:]])
    assert got[0] + got[1] == want


def test_num_threads_environment_variable():
    code = (
        "import threading, workslop\n"
        "workslop.Scorer().score_many(['a b c'] * 10)\n"
        "print(sum(t.name.startswith('workslop') for t in threading.enumerate()))\n"
        "import os; print(len([p for p in os.listdir('/proc/self/task')]))\n"
    )
    base = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "WORKSLOP_NUM_THREADS": "1"})
    assert base.returncode == 0, base.stderr
    many = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "WORKSLOP_NUM_THREADS": "5"})
    assert many.returncode == 0, many.stderr
    tasks_one = int(base.stdout.split()[1])
    tasks_five = int(many.stdout.split()[1])
    assert tasks_five - tasks_one == 4
    bad = subprocess.run(
        [sys.executable, "-c", "import workslop; workslop.Scorer().score_many(['x'])"],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKSLOP_NUM_THREADS": "lots"},
    )
    assert bad.returncode != 0 and "WORKSLOP_NUM_THREADS" in bad.stderr
