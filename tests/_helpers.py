"""Plain helpers shared by test modules (import as `from _helpers import ...`)."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType

from claimscope.analyze.attribution import extract_statements
from claimscope.analyze.sentences import split_sentences
from claimscope.model import Statement

ROOT = Path(__file__).resolve().parents[1]

# The fourteen languages with their own data file, in the order the docs list them.
LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "ru", "uk", "vi", "id", "ar", "zh", "ko", "ja")


def extract(lang: str, text: str, learned: bool = True) -> list[Statement]:
    """The statements of one text, split into sentences as ingest splits it."""
    return extract_statements(text, split_sentences(text, lang), lang, learned=learned)


def triples(lang: str, text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker_name, cue, stance) per statement, in order: what construction tables expect."""
    return [(st.speaker_name, st.cue, st.stance) for st in extract(lang, text)]


def load_bench(name: str) -> ModuleType:
    """Import bench/<name>.py (the bench folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _attribution_bench() -> ModuleType:
    return load_bench("bench_attribution")


def gold_scores(path: Path) -> tuple[float, float, dict[str, int]]:
    """Speaker F1, statement F1 and the raw counts of bench_attribution on one gold file."""
    bench = _attribution_bench()
    c = bench.run_language(path)
    return bench.f1(c["match"], c["pred"], c["gold"]), bench.f1(c["full"], c["pred"], c["gold"]), c


def assert_gold_floor(path: Path, lang: str, floors: tuple[float, float, float]) -> None:
    """Speaker F1, statement F1 and name accuracy on one gold file stay at or above floors."""
    speaker_f1, statement_f1, c = gold_scores(path)
    name_acc = c["name"] / c["named"]
    speaker_floor, statement_floor, name_floor = floors
    assert speaker_f1 >= speaker_floor, (lang, speaker_f1)
    assert statement_f1 >= statement_floor, (lang, statement_f1)
    assert name_acc >= name_floor, (lang, name_acc)


def assert_all_stances(path: Path, lang: str) -> None:
    """Records are well formed (see checked_gold_records) and every stance occurs."""
    records = checked_gold_records(path, lang)
    stances = {st["stance"] for ex in records for st in ex["statements"]}
    assert stances == {"assert", "deny", "hedge"}


def checked_gold_records(path: Path, lang: str) -> list[dict]:
    """A gold file's records, each checked: spans written exactly as in the text (the scorer
    searches for them), known stances and kinds, and enough lines to mean something."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 20
    records = [json.loads(line) for line in lines]
    for ex in records:
        assert ex["id"].startswith(f"{lang}-")
        for st in ex["statements"]:
            for key in ("speaker", "cue", "content"):
                assert st[key] is None or st[key] in ex["text"], (ex["id"], key)
            assert st["stance"] in ("assert", "deny", "hedge")
            assert st["kind"] in ("direct", "indirect", "according_to", "headline")
    return records
