"""The `vnkg` command: each subcommand parses its arguments, calls one public function
and formats what it returns. Errors are printed as one line without a traceback (unless
`--debug`); exit codes are documented in the README."""

from __future__ import annotations

import argparse
import json
import sys

from . import (InputError, StrictWarnings, UsageError, ValidationFailed, VnkgError, __version__, build_graph,
               build_site, build_store, default_jobs, describe_query, evaluate, export_ftm, export_network,
               export_store, export_tables, format_result, identity_candidates, load_graph, load_store, named_queries,
               parse_params, parse_shard, push, run_endpoint_query, run_query, run_store_query, start_server, validate_graph,
               visualise, write_graph, write_page)

EXAMPLES = {
    "build": "vnkg build seeds --out seeds.ttl",
    "query": "vnkg query chairs --graph seeds.ttl --format table",
    "export": "vnkg export seeds.ttl --out seeds.nq\n  vnkg export seeds.ttl --format graphml --out seeds.graphml"
              "\n  vnkg export --store corpus.db --format ftm --out corpus.ftm.json"
              "\n  vnkg export --store corpus.db --format parquet --out tables/",
    "validate": "vnkg validate seeds.ttl",
    "evaluate": "vnkg evaluate seeds tests/data/seeds_gold --errors",
    "viz": "vnkg viz --graph seeds.ttl --out graph.html --person 'Lương Thị Hoa' --depth 2",
    "site": "vnkg site --graph seeds.ttl --out site/",
    "serve": "vnkg serve --store seeds.db --bind 127.0.0.1:7878",
    "push": "vnkg push --store seeds.db --endpoint http://127.0.0.1:7878/store",
    "identity": "vnkg identity corpus.trig --format csv\n  vnkg identity --store corpus.db --identity judgements.tsv",
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
    p.add_argument("--out", help="output file: .ttl .nt .nq .trig .jsonld")
    p.add_argument("--store", metavar="DIR", help="on-disk Oxigraph store, updated incrementally (instead of --out)")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="extraction processes (default: all cores)")
    p.add_argument("--shard", metavar="I/N", help="only the I-th of N deterministic slices of the articles")
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning or skipped file")
    p.add_argument("--identity", metavar="FILE", help="judgements file: same/different persons (see README: Identity)")
    p.set_defaults(run=_build)

    p = command("identity", "List the candidate pairs of namesakes: kept apart or joined by a rule, and why.")
    p.add_argument("graph", nargs="?", help="graph file built by `vnkg build` (or use --store)")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--identity", metavar="FILE", help="judgements file: leave out the pairs it judges")
    p.set_defaults(run=_identity)

    p = command("query", "Run a named query (or a .rq file) over a graph.")
    p.add_argument("name", metavar="NAME|FILE.rq", nargs="?")
    p.add_argument("--graph", required=False, help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint, e.g. http://127.0.0.1:7878/query")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a query variable (as an RDF literal; <iri> for an IRI)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="stop the query after this many seconds (exit code 4)")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.set_defaults(run=_query)

    p = command("export", "Convert a graph to another format, to a network for Gephi, to FollowTheMoney "
                          "entities or to analysis tables.")
    p.add_argument("graph", nargs="?", help="graph file (or use --store)")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store` (RDF formats, ftm, tables)")
    p.add_argument("--out", required=True, help="output file: .ttl .nt .nq .trig .jsonld (or .graphml .gexf, "
                                                ".ftm.json); a folder for parquet and csv")
    p.add_argument("--format", choices=("graphml", "gexf", "turtle", "nt", "nquads", "trig", "json-ld",
                                        "ftm", "parquet", "csv"),
                   help="graphml/gexf write the person-meeting network; ftm FollowTheMoney entities (JSON "
                        "lines); parquet/csv one table per kind into the folder --out; RDF formats (the "
                        "default, from the extension of --out) convert the graph")
    _network_filters(p)
    p.set_defaults(run=_export)

    p = command("viz", "Draw a graph as an interactive HTML page that works offline.")
    p.add_argument("--graph", help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store` (instead of --graph)")
    p.add_argument("--out", required=True, help="the HTML page to write")
    p.add_argument("--open", action="store_true", help="open the page in a web browser")
    _network_filters(p)
    p.set_defaults(run=_viz)

    p = command("site", "Write a static site: a page for every person, body, place, meeting and article.")
    p.add_argument("--graph", help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store` (instead of --graph)")
    p.add_argument("--out", required=True, metavar="DIR", help="the site's folder (made, or updated in place)")
    p.add_argument("--person", metavar="NAME", help="only this person's meetings and the posts of those there")
    p.add_argument("--locality", metavar="NAME", help="only meetings and posts in this place (or inside it)")
    p.add_argument("--since", metavar="DATE", help="meetings and posts attested on or after YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="DATE", help="meetings and posts attested on or before YYYY[-MM[-DD]]")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="processes writing pages (default: all cores)")
    p.set_defaults(run=_site)

    p = command("serve", "Serve a store as a read-only SPARQL 1.1 endpoint (the oxigraph server).")
    p.add_argument("--store", required=True, metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--writable", action="store_true",
                   help="accept SPARQL Update and Graph Store writes (refused by default)")
    p.add_argument("--bind", default="127.0.0.1:7878", metavar="HOST:PORT", help="default: 127.0.0.1:7878")
    p.set_defaults(run=_serve)

    p = command("push", "Load a store or graph into a Graph Store Protocol server, a PUT per article graph.")
    p.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store endpoint, e.g. http://HOST:7878/store")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--graph", metavar="FILE", help="graph file built by `vnkg build`")
    p.set_defaults(run=_push)

    p = command("validate", "Check a graph against the SHACL shapes.")
    p.add_argument("graph")
    p.set_defaults(run=_validate)

    p = command("evaluate", "Score extraction against gold files (P/R/F1, field accuracy).")
    p.add_argument("articles", metavar="ARTICLES")
    p.add_argument("gold", metavar="GOLD_DIR")
    p.add_argument("--errors", action="store_true", help="list each miss and each spurious fact")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--identity-gold", metavar="FILE", help="identity.json (default: in GOLD_DIR or beside it)")
    p.add_argument("--identity", metavar="FILE", help="judgements file the build applies")
    p.set_defaults(run=_evaluate)
    return parser


def _network_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--person", metavar="NAME", help="only this person's neighbourhood")
    p.add_argument("--locality", metavar="NAME", help="only meetings in this place (or inside it)")
    p.add_argument("--meeting-type", metavar="TYPE", help="e.g. 'Hội nghị giao ban' or BriefingConference")
    p.add_argument("--since", metavar="DATE", help="meetings on or after YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="DATE", help="meetings on or before YYYY[-MM[-DD]]")
    p.add_argument("--depth", type=int, metavar="N", help="steps around the selection (default 2)")
    p.add_argument("--max-nodes", type=int, metavar="N", help="keep the N nearest, best-connected nodes")
    p.add_argument("--lineage", action="store_true",
                   help="with --locality: also the units merged into it by the 2025 reform (Hà Giang in Tuyên Quang)")


def _filters(args) -> dict:
    return {"person": args.person, "locality": args.locality, "meeting_type": args.meeting_type,
            "since": args.since, "until": args.until, "depth": args.depth, "max_nodes": args.max_nodes,
            "lineage": args.lineage or None}


def _build(args) -> int:
    if (args.out is None) == (args.store is None):
        raise UsageError("give either --out FILE or --store DIR",
                         hint="--out for a graph file, --store for a large or incrementally updated corpus")
    options = {"jobs": args.jobs or default_jobs(), "shard": parse_shard(args.shard) if args.shard else None,
               "progress": _progress("articles"), "identity": args.identity}
    if args.store:
        return _build_store(args, options)
    report = _problems(build_graph(args.inputs, **options))
    if report.skipped and not report.read:
        # every file was bad: replacing a previous output with an empty graph helps no one
        raise InputError(f"no article could be read ({len(report.skipped)} skipped); {args.out} not written")
    if args.strict and (report.skipped or report.warnings):
        # a failing build leaves the previous output in place
        print(f"vnkg: {report.summary()}; {args.out} not written", file=sys.stderr)
        count = len(report.warnings)
        raise StrictWarnings(f"{len(report.skipped)} skipped, {count} warning{'' if count == 1 else 's'} (--strict)")
    try:
        size = write_graph(report.dataset, args.out)
    except OSError as exc:
        raise VnkgError(f"cannot write the output ({exc.strerror or exc})", where=args.out,
                        hint="check that its folder exists and is writable; a previous output is unchanged") from None
    print(f"vnkg: {report.summary()} -> {args.out} ({size} bytes)", file=sys.stderr)
    return 0


def _build_store(args, options: dict) -> int:
    report = _problems(build_store(args.inputs, args.store, **options))
    print(f"vnkg: {report.summary()} -> {args.store}", file=sys.stderr)
    if args.strict and (report.skipped or report.warnings):
        count = len(report.warnings)
        raise StrictWarnings(f"{len(report.skipped)} skipped, {count} warning{'' if count == 1 else 's'} (--strict)")
    return 0


def _problems(report):  # each skipped file and warning of a build: one line on stderr
    for path, reason in report.skipped:
        print(f"vnkg: skipped {path}: {reason}", file=sys.stderr)
    for warning in report.warnings:
        print(f"vnkg: warning: {warning}", file=sys.stderr)
    return report


def _identity(args) -> int:
    return _write_result(identity_candidates(graph=args.graph, store=args.store, identity=args.identity), args)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _progress(unit: str):
    """A progress line on stderr (count, rate), or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    import time
    start, last = time.monotonic(), [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.2:
            return
        last[0] = now
        rate = done / max(now - start, 1e-9)
        end = "\n" if done == total else ""
        print(f"\rvnkg: {done}/{total} {unit} ({rate:.0f}/s)\x1b[K", end=end, file=sys.stderr, flush=True)
    return show


def _serve(args) -> int:
    import signal
    server = start_server(args.store, args.bind, writable=args.writable)
    # `kill` (SIGTERM) must stop the oxigraph child too, as Ctrl-C does
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mode = "WRITABLE: updates accepted" if args.writable else "read-only"
    print(f"vnkg: SPARQL endpoint {server.query_url} ({mode}; query page at {server.url}/); "
          f"Ctrl-C to stop", file=sys.stderr)
    try:
        return server.wait()
    finally:
        server.stop()


def _push(args) -> int:
    report = push(args.endpoint, store=args.store, graph=args.graph, progress=_progress("graphs"))
    print(f"vnkg: {report.graphs} graphs, {report.triples} triples -> {report.endpoint}", file=sys.stderr)
    return 0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _query(args) -> int:
    if args.list:
        for name, text in sorted(named_queries().items()):
            print(f"{name}\n  " + describe_query(text).replace("\n", "\n  "))
        return 0
    if not args.name:
        raise UsageError("name a query (or a .rq file)", hint="`vnkg query --list` shows the named queries")
    if sum(x is not None for x in (args.graph, args.store, args.endpoint)) != 1:
        raise UsageError("give one of --graph FILE, --store DIR or --endpoint URL",
                         hint="build one with `vnkg build seeds --out seeds.ttl`")
    if args.store:
        result = run_store_query(args.name, args.store, parse_params(args.param), timeout=args.timeout)
    elif args.endpoint:
        result = run_endpoint_query(args.name, args.endpoint, parse_params(args.param), timeout=args.timeout or 60.0)
    else:
        result = run_query(args.name, load_graph(args.graph), parse_params(args.param), timeout=args.timeout)
    return _write_result(result, args)


def _write_result(result, args) -> int:
    sys.stdout.write(format_result(result, args.format) + ("" if args.format == "csv" else "\n"))
    return 0


def _export(args) -> int:
    filters = {k: v for k, v in _filters(args).items() if v is not None}
    if (args.graph is None) == (args.store is None):
        raise UsageError("give a graph file or --store DIR to export")
    if args.format in ("ftm", "parquet", "csv"):
        return _export_entities(args, filters)
    if args.store:
        if filters or args.format in ("graphml", "gexf"):
            raise UsageError("a store exports to RDF formats only, without filters", where=args.store)
        size = export_store(args.store, args.out, args.format)
        print(f"vnkg: {args.store} -> {args.out} ({size} bytes)", file=sys.stderr)
        return 0
    if args.format in ("graphml", "gexf"):
        size = export_network(load_graph(args.graph), args.out, args.format, **filters)
    else:
        if filters:
            raise UsageError("filters apply to --format graphml or gexf only")
        size = write_graph(load_graph(args.graph), args.out, args.format)
    print(f"vnkg: {args.graph} -> {args.out} ({size} bytes)", file=sys.stderr)
    return 0


def _export_entities(args, filters: dict) -> int:
    """FollowTheMoney entities or analysis tables, from a graph file or a store."""
    if filters:
        raise UsageError(f"filters apply to --format graphml or gexf only, not {args.format}")
    source = args.store or load_graph(args.graph)
    if args.format == "ftm":
        count = export_ftm(source, args.out)
        print(f"vnkg: {args.store or args.graph} -> {args.out} ({count} FollowTheMoney entities)", file=sys.stderr)
        return 0
    report = export_tables(source, args.out, args.format)
    print(f"vnkg: {args.store or args.graph} -> {args.out}: {report.summary()}, {report.bytes} bytes",
          file=sys.stderr)
    return 0


def _viz(args) -> int:
    if (args.graph is None) == (args.store is None):
        raise UsageError("give --graph FILE or --store DIR")
    page = visualise(load_store(args.store) if args.store else load_graph(args.graph), **_filters(args))
    size = write_page(page, args.out)
    stats = page.vnkg_stats
    shown = f" (of {stats['total_nodes']})" if stats["nodes"] < stats["total_nodes"] else ""
    print(f"vnkg: {stats['nodes']} nodes{shown}, {stats['edges']} edges -> {args.out} ({size} bytes)",
          file=sys.stderr)
    if args.open:
        import webbrowser
        from pathlib import Path
        webbrowser.open(Path(args.out).resolve().as_uri())
    return 0


def _site(args) -> int:
    if (args.graph is None) == (args.store is None):
        raise UsageError("give --graph FILE or --store DIR")
    source = args.store if args.store else load_graph(args.graph)
    report = build_site(source, args.out, person=args.person, locality=args.locality, since=args.since,
                        until=args.until, jobs=args.jobs or default_jobs(), progress=_progress("pages"))
    print(f"vnkg: {report.summary()} -> {args.out}", file=sys.stderr)
    return 0


def _validate(args) -> int:
    report = validate_graph(load_graph(args.graph))
    if not report.conforms:
        print(report.text)
        raise ValidationFailed(f"{report.violations} violation(s) of the shapes", where=args.graph)
    print(f"{args.graph}: conforms to the vnkg shapes")
    return 0


def _evaluate(args) -> int:
    result = evaluate([args.articles], args.gold, identity_gold=args.identity_gold, identity=args.identity)
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
        if result.identity is not None:
            score = result.identity
            print(f"identity      P {score.precision:.3f}  R {score.recall:.3f}  (pairs: tp {score.tp}, "
                  f"fp {score.fp}, fn {score.fn}; {score.mentions} mentions, {len(score.missing)} not found)")
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
