"""Per-language knowledge, kept as data files (one TOML file per language).

Adding a language means adding `data/<code>.toml` (and its tests); no code
change. Stages read the sections they need: `attribution`, `dates`, `text`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "claimscope.lang.data"


@cache
def available_languages() -> tuple[str, ...]:
    files = resources.files(DATA_PACKAGE).iterdir()
    names = (f.name for f in files if f.name.endswith(".toml") and not f.name.startswith("_"))
    return tuple(sorted(name.removesuffix(".toml") for name in names))


@cache
def load_language(code: str) -> dict[str, Any]:
    """The parsed data file for `code`, or an empty dict for an unknown language."""
    base = (code or "").split("-")[0].lower()
    if base not in available_languages():
        return {}
    return _read(f"{base}.toml")


@cache
def load_common() -> dict[str, Any]:
    """Conventions shared by all languages (boilerplate, captions, bylines)."""
    return _read("_common.toml")


def _read(name: str) -> dict[str, Any]:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)
