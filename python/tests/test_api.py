import math
import sys

import pytest

import workslop
from conftest import GENERIC, SPECIFIC


def test_score_returns_an_immutable_report_with_evidence():
    r = workslop.score(GENERIC, lang="en")
    assert r.verdict in {"pass", "warn", "fail"}
    assert 0 <= r.score <= 100
    assert r.lang == "en" and r.score_version == workslop.SCORE_VERSION
    assert r.words > 30 and r.sentences >= 3
    assert set(r.signals) == {rule["name"] for rule in workslop.rules()}
    s = r.signals["stock-phrases"]
    assert 0 < s.subscore <= 1 and s.weight > 0 and s.contribution > 0 and 0 < s.confidence <= 1
    codes = {f.code for f in r.findings}
    assert "WS101" in codes
    with pytest.raises(AttributeError):
        r.score = 1  # type: ignore[misc]
    assert workslop.score(SPECIFIC, lang="en").score < r.score


def test_finding_indices_are_python_string_indices_after_emoji_and_cjk():
    text = "🎉👨‍👩‍👧 新品上市！Our seamless app is a game-changer, 真的. 😀 Truly seamless."
    r = workslop.score(text, lang="en", format="text")
    flagged = [text[f.start : f.end] for f in r.findings if f.code == "WS101"]
    assert flagged == ["seamless", "game-changer", "seamless"]
    f = r.findings[0]
    assert (f.line, f.column) == (1, text.index("seamless") + 1)
    assert f.message and f.severity in {"info", "warning"}


def test_to_dict_is_the_cli_json_shape():
    d = workslop.score(GENERIC, lang="en").to_dict()
    assert set(d) >= {"score", "verdict", "lang", "score_version", "words", "sentences", "signals", "findings"}
    finding = d["findings"][0]
    assert set(finding) >= {"code", "name", "message", "severity", "span", "line", "column", "end_line", "end_column", "suggestion"}
    assert set(finding["span"]) == {"start", "end"}


def test_repr_html_marks_findings_and_escapes_text():
    html = workslop.score("<b>Our seamless platform</b> & more words to make it long enough", lang="en", format="text")._repr_html_()
    assert "<mark" in html and "seamless</mark>" in html
    assert "&lt;b&gt;" in html and "&amp;" in html


def test_scorer_options_and_config_dicts():
    scorer = workslop.Scorer({"brand-terms": ["Tasklane"]}, lang="en", disable=["WS102"])
    assert scorer.config["brand-terms"] == ["Tasklane"]
    r = scorer.score(GENERIC + " Our friendly team is here to support you every single step of the way.")
    assert r.words >= 50
    assert r.signals["flat-vocabulary"].skipped
    assert r.signals["missing-brand-terms"].skipped is None
    assert any(f.code == "WS301" for f in r.findings)
    assert workslop.Scorer(brand_terms="Tasklane").config["brand-terms"] == ["Tasklane"]


def test_unknown_keys_raise_config_error_naming_the_key():
    with pytest.raises(workslop.ConfigError) as e:
        workslop.Scorer(brand_term=["x"])
    assert "brand-term" in str(e.value) and "brand-terms" in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, workslop.WorkslopError)
    with pytest.raises(workslop.ConfigError, match="lang"):
        workslop.Scorer(lang="xx")
    with pytest.raises(workslop.ConfigError, match="weights.nope"):
        workslop.Scorer(weights={"nope": 1.0})


def test_from_project_reads_the_same_files_as_the_cli(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.workslop]\nbrand-terms = ["Acme"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert workslop.Scorer.from_project(deep).config["brand-terms"] == ["Acme"]
    (tmp_path / "a" / "workslop.toml").write_text('brand-terms = ["Nearer"]\n')
    assert workslop.Scorer.from_project(deep).config["brand-terms"] == ["Nearer"]
    (tmp_path / "a" / "workslop.toml").write_text('bogus = 1\n')
    with pytest.raises(workslop.ConfigError, match="bogus"):
        workslop.Scorer.from_project(deep)
    assert workslop.Scorer(tmp_path / "pyproject.toml").config["brand-terms"] == ["Acme"]


def test_score_many_accepts_iterables_and_marks_missing_values():
    scorer = workslop.Scorer(lang="en")
    texts = [GENERIC, None, float("nan"), SPECIFIC]
    for given in (texts, tuple(texts), (t for t in texts)):
        reports = scorer.score_many(given)
        assert [r.verdict == "missing" for r in reports] == [False, True, True, False]
        assert reports[1].score is None and reports[1].missing_input and reports[1].findings == []
        assert reports[0].to_dict() == scorer.score(GENERIC).to_dict()
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        scorer.score_many(["ok", 3])
    with pytest.raises(TypeError):
        scorer.score(b"bytes")  # type: ignore[arg-type]


def test_batch_equals_one_by_one():
    scorer = workslop.Scorer()
    texts = [GENERIC, SPECIFIC, "", "😀", "短い", GENERIC + " " + SPECIFIC] * 20
    batch = [r.to_dict() for r in scorer.score_many(texts, threads=2)]
    assert batch == [scorer.score(t).to_dict() for t in texts]


def test_to_frame_keeps_the_series_index():
    pandas = pytest.importorskip("pandas")
    series = pandas.Series([GENERIC, None, SPECIFIC], index=["a", "b", "c"])
    frame = workslop.to_frame(series, lang="en")
    assert list(frame.index) == ["a", "b", "c"]
    assert {"score", "verdict", "lang", "words", "findings", "stock-phrases", "repetition"} <= set(frame.columns)
    assert frame.loc["a", "score"] > frame.loc["c", "score"]
    assert frame.loc["b", "verdict"] == "missing" and math.isnan(frame.loc["b", "score"])
    assert len(workslop.to_frame([SPECIFIC])) == 1


def test_to_frame_without_pandas_says_so(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        workslop.to_frame(["text"])


def test_rules_explain_and_version():
    rules = workslop.rules()
    assert [r["code"] for r in rules] == sorted(r["code"] for r in rules)
    assert {"code", "name", "summary", "default_weight"} <= set(rules[0])
    assert "## Why it matters" in workslop.explain("WS101")
    assert workslop.explain("stock-phrases") == workslop.explain("WS101")
    with pytest.raises(ValueError, match="WS101"):
        workslop.explain("WS999")
    assert workslop.__version__.count(".") == 2


def test_bad_format_and_threads():
    with pytest.raises(ValueError, match="format"):
        workslop.score("text", format="docx")
    with pytest.raises(ValueError, match="threads"):
        workslop.Scorer().score_many(["a"], threads=0)
