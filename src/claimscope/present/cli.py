"""Commands of the present stage: `claimscope report` and `claimscope serve`."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from claimscope.cli import EXIT_OK, EXIT_USAGE, _db_arg, command


def _report_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    parser.add_argument("--out", "-o", default="claimscope-report.html", help="HTML file to write")
    parser.add_argument("--story", default=None, help="only this story (key from the index)")


@command("report", "write a self-contained HTML report (opens offline)", _report_args)
def cmd_report(args: argparse.Namespace) -> int:
    from claimscope.present.report import write_report
    from claimscope.store import Store, default_db_path

    with Store(args.db or default_db_path(), readonly=True) as store:
        path = write_report(store, args.out, story=args.story)
    print(f"wrote {path.resolve()}", file=sys.stderr)
    return EXIT_OK


def _serve_args(parser: argparse.ArgumentParser) -> None:
    _db_arg(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: localhost)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--token", default=None, help="access token; required when binding beyond localhost"
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@command("serve", "browse the database in a local web app", _serve_args)
def cmd_serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.token:
        print(
            f"claimscope: refusing to serve on {args.host} without --token:"
            " anyone on the network could read the database and ingest files.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    import uvicorn

    from claimscope.present.web import create_app
    from claimscope.store import default_db_path

    app = create_app(args.db or default_db_path(), token=args.token)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"claimscope: serving on http://{shown}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
