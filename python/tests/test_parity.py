"""The same text and config give the same score and findings in Python and in the CLI."""

import json
import subprocess

import pytest

import workslop
from conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".md", ".txt", ".html"} and p.parent.name != "fixtures")


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_cli_and_python_agree_on_fixtures(path, workslop_bin):
    out = subprocess.run(
        [workslop_bin, "check", "--isolated", "--output-format", "json", "--brand-term", "Tasklane", str(path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode in (0, 1), out.stderr
    (cli,) = json.loads(out.stdout)
    cli.pop("path")
    fmt = {".md": "markdown", ".txt": "text", ".html": "html"}[path.suffix]
    py = workslop.Scorer(brand_terms=["Tasklane"]).score(path.read_text(encoding="utf-8"), format=fmt).to_dict()
    assert py == cli
