"""The `vnkg` command: each subcommand parses its arguments, calls one public function
and formats what it returns. Errors are printed as one line without a traceback (unless
`--debug`); exit codes are documented in the README."""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .errors import UsageError, ValidationFailed, VnkgError, StrictWarnings

EXAMPLES = {
    "build": "vnkg build seeds --out seeds.ttl",
    "query": "vnkg query chairs --graph seeds.ttl --format table",
    "export": "vnkg export seeds.ttl --out seeds.nq",
    "validate": "vnkg validate seeds.ttl",
    "evaluate": "vnkg evaluate seeds tests/data/seeds_gold --errors",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnkg", description="Knowledge graph of Vietnamese local-government news.",
        epilog="examples:\n  " + "\n  ".join(EXAMPLES.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"vnkg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text,
                              epilog=f"example:\n  {EXAMPLES[name]}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("build", "Extract articles (files or folders) into an RDF graph.")
    p.add_argument("inputs", nargs="+", metavar="DIR|FILE")
    p.add_argument("--out", required=True, help="output file: .ttl .nt .nq .trig .jsonld")
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning or skipped file")
    p.set_defaults(run=_build)

    p = command("query", "Run a named query (or a .rq file) over a graph.")
    p.add_argument("name", metavar="NAME|FILE.rq")
    p.add_argument("--graph", required=False, help="graph file built by `vnkg build`")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a query variable (as an RDF literal; <iri> for an IRI)")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.set_defaults(run=_query)

    p = command("export", "Convert a graph to another format.")
    p.add_argument("graph")
    p.add_argument("--out", required=True, help="output file: .ttl .nt .nq .trig .jsonld")
    p.set_defaults(run=_export)

    p = command("validate", "Check a graph against the SHACL shapes.")
    p.add_argument("graph")
    p.set_defaults(run=_validate)

    p = command("evaluate", "Score extraction against gold files (P/R/F1, field accuracy).")
    p.add_argument("articles", metavar="ARTICLES")
    p.add_argument("gold", metavar="GOLD_DIR")
    p.add_argument("--errors", action="store_true", help="list each miss and each spurious fact")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(run=_evaluate)
    return parser


def _build(args) -> int:
    from .store import build_graph, write_graph
    report = build_graph(args.inputs)
    size = write_graph(report.dataset, args.out)
    for path, reason in report.skipped:
        print(f"vnkg: skipped {path}: {reason}", file=sys.stderr)
    for warning in report.warnings:
        print(f"vnkg: warning: {warning}", file=sys.stderr)
    print(f"vnkg: {len(report.read)} articles read, {len(report.skipped)} skipped; "
          f"{report.triples} triples -> {args.out} ({size} bytes)", file=sys.stderr)
    if args.strict and (report.skipped or report.warnings):
        raise StrictWarnings(f"{len(report.skipped)} skipped, {len(report.warnings)} warnings (--strict)")
    return 0


def _query(args) -> int:
    from .queries import describe, named_queries, parse_params, run_query, to_csv, to_json, to_table
    if args.list:
        for name, text in sorted(named_queries().items()):
            print(f"{name}\n  " + describe(text).replace("\n", "\n  "))
        return 0
    if not args.graph:
        raise UsageError("--graph FILE is required", hint="build one with `vnkg build seeds --out seeds.ttl`")
    from .store import load_graph
    result = run_query(args.name, load_graph(args.graph), parse_params(args.param))
    formatter = {"table": to_table, "csv": to_csv, "json": to_json}[args.format]
    sys.stdout.write(formatter(result) + ("" if args.format == "csv" else "\n"))
    return 0


def _export(args) -> int:
    from .store import load_graph, write_graph
    size = write_graph(load_graph(args.graph), args.out)
    print(f"vnkg: {args.graph} -> {args.out} ({size} bytes)", file=sys.stderr)
    return 0


def _validate(args) -> int:
    from .store import load_graph
    from .validate import validate_graph
    report = validate_graph(load_graph(args.graph))
    if not report.conforms:
        print(report.text)
        raise ValidationFailed(f"{report.violations} violation(s) of the shapes", where=args.graph)
    print(f"{args.graph}: conforms to the vnkg shapes")
    return 0


def _evaluate(args) -> int:
    from .evaluate import evaluate
    result = evaluate([args.articles], args.gold)
    if args.json:
        print(json.dumps(result.summary(), ensure_ascii=False, indent=2))
    else:
        print(f"articles: {result.articles}")
        for name, score in result.sets.items():
            print(f"{name:13} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
                  f"  (tp {score.tp}, fp {score.fp}, fn {score.fn})")
        for name, (right, total) in result.fields.items():
            label = name if name == "author" else f"meeting.{name}"
            print(f"{label:16} accuracy {result.accuracy(name):.3f}  ({right}/{total})")
    if args.errors:
        for line in result.errors:
            print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except VnkgError as exc:
        if args.debug:
            raise
        print(f"vnkg: error: {exc.render()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("vnkg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, the traceback with --debug
        if args.debug:
            raise
        print(f"vnkg: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
