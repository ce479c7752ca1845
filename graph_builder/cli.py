"""The `vnkg` command: each subcommand parses its arguments, calls one public function
and formats what it returns. Errors are printed as one line without a traceback (unless
`--debug`); exit codes are documented in the README."""

from __future__ import annotations

import json
import sys

from . import (InputError, StrictWarnings, UsageError, ValidationFailed, VnkgError, build_graph,
               build_site, build_store, default_jobs, describe_query, evaluate, export_ftm, export_network,
               export_store, export_tables, fetch, format_result, identity_candidates, load_graph, load_store,
               named_queries, parse_params, parse_shard, push, run_endpoint_query, run_query, run_store_query,
               SparqlText, start_server, validate_graph, visualise, write_graph, write_page)
from .commands import parser


def _filters(args) -> dict:
    return {"person": args.person, "locality": args.locality, "meeting_type": args.meeting_type,
            "since": args.since, "until": args.until, "depth": args.depth, "max_nodes": args.max_nodes,
            "lineage": args.lineage or None}


def _fetch(args) -> int:
    report = fetch(args.out, urls=args.urls, sitemap=args.sitemap, feed=args.feed, delay=args.delay,
                   since=args.since, progress=_progress("URLs"))
    print(*(f"vnkg: {url}: {reason}" for url, reason in report.problems), f"vnkg: {report.summary()}",
          sep="\n", file=sys.stderr)
    return 0


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
        print(f"\rvnkg: {done}/{total} {unit} ({done / max(now - start, 1e-9):.0f}/s)\x1b[K",
              end="\n" if done == total else "", file=sys.stderr, flush=True)
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


def _query(args) -> int:
    if args.list:
        for name, text in sorted(named_queries().items()):
            print(f"{name}\n  " + describe_query(text).replace("\n", "\n  "))
        return 0
    if args.sparql is not None and args.name:
        raise UsageError("give a query name or --sparql, not both")
    if args.sparql is not None:
        args.name = SparqlText(args.sparql)
    elif args.name == "-":
        args.name = SparqlText(sys.stdin.read(), "standard input")
    if not args.name:
        raise UsageError("name a query (or a .rq file, --sparql TEXT, or - for standard input)",
                         hint="`vnkg query --list` shows the named queries")
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
        print(result.report())
    if args.errors and result.errors:
        print("\n".join(result.errors))
    return 0


HANDLERS = {"fetch": _fetch, "build": _build, "identity": _identity, "query": _query, "export": _export, "viz": _viz, "site": _site, "serve": _serve, "push": _push, "validate": _validate, "evaluate": _evaluate}


def main(argv: list[str] | None = None) -> int:
    line = parser()
    args = line.parse_args(argv)
    if args.command not in HANDLERS:
        line.print_help()
        return 2
    try:
        return HANDLERS[args.command](args)
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
