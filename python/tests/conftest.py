import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

GENERIC = (
    "In today's fast-paced world, our cutting-edge platform empowers teams to unlock their full "
    "potential. Moreover, our seamless, best-in-class solution is a game-changer for businesses "
    "of all sizes. Additionally, it delivers unparalleled results. Take your business to the next "
    "level today!"
)
SPECIFIC = (
    "Tasklane puts every open task on one board, sorted by due date. Teams of 5 to 50 people plan "
    "two-week sprints with it, and the free plan covers three projects. Prices start at 6 euros "
    "per person per month, billed yearly. Support answers within one working day from Leeds."
)


@pytest.fixture(scope="session")
def workslop_bin() -> str:
    """The CLI binary: $WORKSLOP_BIN (set by .ci/run), else the workspace's release build."""
    candidates = [os.environ.get("WORKSLOP_BIN"), str(ROOT / "target/release/workslop"), shutil.which("workslop")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    pytest.skip("no workslop binary: build it with `cargo build --release -p workslop-cli`")
