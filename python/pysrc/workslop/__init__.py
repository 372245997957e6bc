"""Score marketing copy for workslop: generic, low-substance, AI-style text, with the evidence.

>>> import workslop
>>> report = workslop.score("In today's fast-paced world, unlock your full potential.", lang="en")
>>> report.findings[0].code
'WS101'
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _workslop
from ._errors import ConfigError, WorkslopError
from ._workslop import SCORE_VERSION, Finding, Report, Signal, __version__

if TYPE_CHECKING:
    import pandas

__all__ = [
    "SCORE_VERSION",
    "ConfigError",
    "Finding",
    "Report",
    "Scorer",
    "Signal",
    "WorkslopError",
    "__version__",
    "explain",
    "rules",
    "score",
    "to_frame",
]

ConfigLike = Union[None, Mapping[str, Any], str, "os.PathLike[str]"]

_LIST_KEYS = {"brand-terms", "extra-phrases", "allowed-phrases", "disable", "include", "exclude"}


def _normalise(options: Mapping[str, Any]) -> dict[str, Any]:
    """Python-style keys (brand_terms) to config-file keys (brand-terms); None means unset."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        key = key.replace("_", "-")
        if key in _LIST_KEYS and isinstance(value, str):
            value = [value]
        elif key in _LIST_KEYS and not isinstance(value, (list, tuple)):
            value = list(value)
        out[key] = value
    return out


def _config_dict(config: ConfigLike, options: Mapping[str, Any]) -> dict[str, Any]:
    if config is None:
        base: dict[str, Any] = {}
    elif isinstance(config, Mapping):
        base = _normalise(config)
    elif isinstance(config, (str, os.PathLike)):
        base = _workslop.load_config(os.fspath(config))
    else:
        raise TypeError(f"config must be a dict, a path or None, not {type(config).__name__}")
    base.update(_normalise(options))
    return base


class Scorer:
    """Scores texts with one configuration. Build once and reuse: it compiles the lexicons.

    ``config`` is a dict with the config file's keys, a path to a config file, or None;
    keyword options (``brand_terms=["Acme"]``, ``lang="en"``, ``disable=["WS102"]``...)
    override it.
    """

    def __init__(self, config: ConfigLike = None, **options: Any) -> None:
        try:
            payload = json.dumps(_config_dict(config, options))
        except TypeError as e:
            raise ConfigError(f"configuration is not JSON-like: {e}") from None
        self._native = _workslop.NativeScorer(payload)

    @classmethod
    def from_project(cls, path: Union[str, "os.PathLike[str]"] = ".", **options: Any) -> Scorer:
        """Reads the config file the CLI would use for ``path`` (nearest ancestor wins)."""
        found = _workslop.discover_config(os.fspath(path))
        return cls(found[1] if found else None, **options)

    @property
    def config(self) -> dict[str, Any]:
        """The effective configuration, with the config file's keys."""
        return self._native.config()

    def score(self, text: str, *, format: str = "markdown") -> Report:
        """Scores one text."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        return self._native.score(text, format)

    def score_many(
        self, texts: Iterable[Union[str, float, None]], *, format: str = "markdown", threads: Optional[int] = None
    ) -> list[Report]:
        """Scores every text in parallel with the GIL released, in input order.

        None, NaN and pandas.NA entries give a Report marked missing (score None).
        Threads default to ``WORKSLOP_NUM_THREADS`` or one per core.
        """
        return self._native.score_many(texts, format, threads)

    def __repr__(self) -> str:
        return f"Scorer({self.config!r})"


@functools.lru_cache(maxsize=32)
def _cached_scorer(payload: str) -> Scorer:
    return Scorer(json.loads(payload))


def score(
    text: str,
    *,
    format: str = "markdown",
    brand_terms: Optional[Iterable[str]] = None,
    lang: Optional[str] = None,
    config: ConfigLike = None,
) -> Report:
    """Scores one text. Scorers are cached per configuration, so calling this in a loop is fine."""
    options = _config_dict(config, {"brand_terms": brand_terms, "lang": lang})
    return _cached_scorer(json.dumps(options, sort_keys=True)).score(text, format=format)


def to_frame(
    texts: Iterable[Union[str, float, None]],
    *,
    format: str = "markdown",
    threads: Optional[int] = None,
    config: ConfigLike = None,
    **options: Any,
) -> pandas.DataFrame:
    """One row per text: score, verdict, lang, words, findings, and each signal's sub-score.

    A pandas Series keeps its index. Needs pandas.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("workslop.to_frame needs pandas: pip install pandas") from e
    index = texts.index if isinstance(texts, pandas.Series) else None
    scorer = Scorer(config, **options)
    table = scorer._native.score_table(texts, format, threads)
    frame = pandas.DataFrame(table, index=index)
    return frame


def rules() -> list[dict[str, Any]]:
    """Every rule: code, name, summary, default_weight."""
    return _workslop.rules()


def explain(code: str) -> str:
    """A rule's explanation in Markdown (code like ``WS101`` or name like ``stock-phrases``)."""
    return _workslop.explain(code)
