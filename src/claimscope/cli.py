"""The `claimscope` command: a thin shell over claimscope.api."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from claimscope import __version__
from claimscope.store import DB_ENV, default_db_path

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]):
    def register(func: Command) -> Command:
        COMMANDS[name] = (func, configure, help_text)
        return func

    return register


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=None, help=f"database file (default: ${DB_ENV} or {default_db_path()})"
    )


def _ingest_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    parser.add_argument("inputs", nargs="+", help="files, folders, globs, zip archives, URLs, or -")
    parser.add_argument(
        "--workers", type=int, default=0, help="analysis processes (default: cores)"
    )
    parser.add_argument("--executor", choices=["local", "dask"], default="local")
    parser.add_argument("--max-mb", type=int, default=64, help="size limit per input in MB")
    parser.add_argument("--timeout", type=float, default=20.0, help="URL timeout in seconds")
    parser.add_argument("--no-link", action="store_true", help="skip cross-article linking")
    _output_args(parser)


def _output_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    parser.add_argument("--json", action="store_true", help="machine-readable summary on stdout")


@command("ingest", "read, analyse and store articles", _ingest_args)
def cmd_ingest(args: argparse.Namespace) -> int:
    from claimscope.api import Claimscope
    from claimscope.read import ReadOptions

    options = ReadOptions(max_bytes=args.max_mb * 1024 * 1024, timeout=args.timeout)
    workers = args.workers or min(os.cpu_count() or 1, 4)
    with Claimscope(args.db) as cs, _progress(args) as on_item:
        result = cs.ingest(
            args.inputs,
            workers=workers,
            executor=args.executor,
            link=not args.no_link,
            options=options,
            on_item=on_item,
        )
    return _report_ingest(args, result)


def _report_ingest(args: argparse.Namespace, result) -> int:
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    elif not args.quiet:
        for error in result.errors:
            print(f"error: {error}", file=sys.stderr)
        print(result.summary())
    return EXIT_PARTIAL if result.failed else EXIT_OK


class _progress:
    """A rich progress bar on stderr for interactive ingests; silent otherwise."""

    def __init__(self, args: argparse.Namespace):
        self.enabled = not (args.quiet or args.json) and sys.stderr.isatty()
        self.progress = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
            TextColumn("{task.completed} articles"),
            TimeElapsedColumn(), transient=True, console=None,
        )  # fmt: skip
        self.progress.start()
        task = self.progress.add_task("ingesting", total=None)
        counts = {"new": 0, "duplicate": 0, "failed": 0, "revision": 0}

        def on_item(item, status: str) -> None:
            counts[status] = counts.get(status, 0) + 1
            done = sum(counts.values())
            self.progress.update(
                task, completed=done,
                description=(
                    f"new {counts['new']} dup {counts['duplicate']} failed {counts['failed']}"
                ),
            )  # fmt: skip

        return on_item

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()


def _analyze_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    parser.add_argument("ids", nargs="*", help="article ids (default: all)")


@command("analyze", "re-run analysis on stored articles", _analyze_args)
def cmd_analyze(args: argparse.Namespace) -> int:
    from claimscope.api import Claimscope

    with Claimscope(args.db) as cs:
        count = cs.analyze(args.ids or None)
    print(f"analysed {count} articles")
    return EXIT_OK


def _export_args(parser: argparse.ArgumentParser) -> None:
    from claimscope.present.export import EXPORTERS, FORMATS

    _db_arg(parser)
    parser.add_argument("kind", choices=sorted(EXPORTERS))
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--out", "-o", default=None, help="file (default: stdout)")


@command("export", "export articles, statements, claims or stories", _export_args)
def cmd_export(args: argparse.Namespace) -> int:
    from claimscope.api import Claimscope

    with Claimscope(args.db, readonly=True) as cs:
        count = cs.export(args.kind, args.format, args.out)
    if args.out and args.out != "-":
        print(f"wrote {count} {args.kind} to {args.out}", file=sys.stderr)
    return EXIT_OK


def _demo_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="claimscope-demo.db", help="database for the demo")
    parser.add_argument("--report", default="claimscope-report.html", help="report file to write")
    _output_args(parser)


@command("demo", "ingest the bundled demo corpus, write a report, print a summary", _demo_args)
def cmd_demo(args: argparse.Namespace) -> int:
    from claimscope.api import Claimscope

    corpus = resources.files("claimscope.demo").joinpath("corpus")
    with resources.as_file(corpus) as corpus_path, Claimscope(args.db) as cs:
        result = cs.ingest([str(corpus_path)], workers=1)
        summary = demo_summary(cs)
        report_path = write_report_if_available(cs, args.report)
    if args.json:
        print(json.dumps({"ingest": result.as_dict(), **summary, "report": report_path}))
        return EXIT_OK
    if not args.quiet:
        print(f"demo corpus: {result.summary()}")
        print(
            f"database {args.db}: {summary['articles']} articles in {len(summary['languages'])}"
            f" languages ({', '.join(summary['languages'])}), {summary['statements']} statements"
            f" ({', '.join(f'{k} {v}' for k, v in summary['stances'].items())})"
        )
        if report_path:
            print(f"report: {report_path}")
    return EXIT_OK


def demo_summary(cs) -> dict:
    conn = cs.store.conn
    languages = [r[0] for r in conn.execute(
        "SELECT language FROM articles GROUP BY language ORDER BY COUNT(*) DESC, language"
    )]  # fmt: skip
    stances = dict(
        conn.execute("SELECT stance, COUNT(*) FROM statements GROUP BY stance").fetchall()
    )
    return {
        "articles": cs.store.count("articles"),
        "statements": cs.store.count("statements"),
        "languages": [lang or "?" for lang in languages],
        "stances": stances,
    }


def write_report_if_available(cs, path: str) -> str | None:
    try:
        from claimscope.present.report import write_report
    except ImportError:
        return None
    write_report(cs.store, path)
    return str(Path(path).resolve())


def _stats_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)


@command("stats", "counts of what the database holds", _stats_args)
def cmd_stats(args: argparse.Namespace) -> int:
    from claimscope.api import Claimscope

    with Claimscope(args.db, readonly=True) as cs:
        print(json.dumps(demo_summary(cs), ensure_ascii=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    _load_plugins()
    parser = argparse.ArgumentParser(
        prog="claimscope", description="Track claims through the news, across languages."
    )
    parser.add_argument("--version", action="version", version=f"claimscope {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (func, configure, help_text) in COMMANDS.items():
        child = sub.add_parser(name, help=help_text, description=help_text)
        configure(child)
        child.set_defaults(func=func)
    return parser


def _load_plugins() -> None:
    """Commands that live beside their stage register themselves on import."""
    import importlib

    for module in ("claimscope.link.cli", "claimscope.present.cli"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError) as exc:
        print(f"claimscope: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
