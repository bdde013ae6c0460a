"""Validate the attribution/stance gold sets in this directory.

Run: python3 tests/data/attribution/check_attribution.py
Exits non-zero if any line fails to parse, any span field is not an exact
substring of "text", or a language misses the required mix.
"""

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = "en pt es fr de it ru uk vi id ar zh ko ja".split()
KEYS = ["speaker", "speaker_name", "cue", "stance", "kind", "content", "anonymous"]
STANCES = {"assert", "deny", "hedge"}
KINDS = {"direct", "indirect", "according_to", "headline"}
MINIMA = {
    "lines": 24,
    "assert": 8,
    "deny": 6,
    "hedge": 5,
    "none": 2,
    "nested": 2,
    "anonymous": 2,
    "pronoun": 1,
}


def check(lang):
    errs, c = (
        [],
        dict.fromkeys(
            ["lines", "assert", "deny", "hedge", "none", "nested", "anonymous", "pronoun"], 0
        ),
    )
    ids = set()
    for n, line in enumerate((HERE / f"{lang}.jsonl").read_text("utf-8").splitlines(), 1):
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            errs.append(f"{lang}:{n} bad JSON: {e}")
            continue
        c["lines"] += 1
        t, sid = o["text"], o["id"]
        if sid in ids or not sid.startswith(lang + "-"):
            errs.append(f"{sid}: bad or duplicate id")
        ids.add(sid)
        if unicodedata.normalize("NFC", t) != t:
            errs.append(f"{sid}: text not NFC")
        st = o["statements"]
        if not st:
            c["none"] += 1
        if o["construction"] == "nested":
            c["nested"] += 1
        if o["construction"] == "pronoun_speaker":
            c["pronoun"] += 1
        for s in st:
            if sorted(s) != sorted(KEYS):
                errs.append(f"{sid}: keys {sorted(s)}")
            if s["stance"] not in STANCES or s["kind"] not in KINDS:
                errs.append(f"{sid}: bad stance/kind {s['stance']}/{s['kind']}")
            c[s["stance"]] = c.get(s["stance"], 0) + 1
            c["anonymous"] += bool(s["anonymous"])
            for k in ("speaker", "cue", "content"):
                if s[k] is not None and s[k] not in t:
                    errs.append(f"{sid}: {k} {s[k]!r} not a substring of text")
            if s["content"] is None:
                errs.append(f"{sid}: content is null")
    for k, v in MINIMA.items():
        if c[k] < v:
            errs.append(f"{lang}: {k}={c[k]} < {v}")
    return c, errs


def main():
    cols = ["lines", "assert", "deny", "hedge", "none", "nested", "anonymous"]
    print("lang " + " ".join(f"{k:>9}" for k in cols))
    all_errs = []
    for lang in LANGS:
        c, errs = check(lang)
        all_errs += errs
        print(f"{lang:<4} " + " ".join(f"{c[k]:>9}" for k in cols))
    for e in all_errs:
        print("ERROR", e)
    print("OK" if not all_errs else f"{len(all_errs)} error(s)")
    return 1 if all_errs else 0


if __name__ == "__main__":
    sys.exit(main())
