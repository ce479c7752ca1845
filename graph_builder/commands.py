"""The `vnkg` command line: its subcommands, their options and an example for each.
`cli.py` runs the command a line names; this module only says what a line may hold."""

from __future__ import annotations

import argparse

from . import __version__

EXAMPLES = {
    "fetch": "vnkg fetch --feed https://example.vn/rss/chinh-tri.rss --out crawl.warc.gz --since 2024-01-01",
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


def parser() -> argparse.ArgumentParser:
    """The `vnkg` command and its subcommands (`args.command` names the one given)."""
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

    p = command("fetch", "Fetch pages (a list of URLs, a sitemap or a feed) politely into a WARC file.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--urls", metavar="FILE", help="a file of URLs, one a line")
    source.add_argument("--sitemap", metavar="URL", help="a sitemap or sitemap index")
    source.add_argument("--feed", metavar="URL", help="an RSS or Atom feed")
    p.add_argument("--out", required=True, metavar="FILE.warc.gz", help="WARC file (added to; URLs in it are skipped)")
    p.add_argument("--delay", type=float, default=1.0, metavar="SECONDS", help="between requests to a host (>= 1)")
    p.add_argument("--since", metavar="DATE", help="only pages their sitemap or feed dates on or after DATE")

    p = command("build", "Extract articles (files or folders) into an RDF graph.")
    p.add_argument("inputs", nargs="+", metavar="DIR|FILE")
    p.add_argument("--out", help="output file: .ttl .nt .nq .trig .jsonld")
    p.add_argument("--store", metavar="DIR", help="on-disk Oxigraph store, updated incrementally (instead of --out)")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="extraction processes (default: all cores)")
    p.add_argument("--shard", metavar="I/N", help="only the I-th of N deterministic slices of the articles")
    p.add_argument("--strict", action="store_true", help="exit non-zero on any warning or skipped file")
    p.add_argument("--identity", metavar="FILE", help="judgements file: same/different persons (see README: Identity)")

    p = command("identity", "List the candidate pairs of namesakes: kept apart or joined by a rule, and why.")
    p.add_argument("graph", nargs="?", help="graph file built by `vnkg build` (or use --store)")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--identity", metavar="FILE", help="judgements file: leave out the pairs it judges")

    p = command("query", "Run a named query (or a .rq file, or SPARQL text) over a graph.")
    p.add_argument("name", metavar="NAME|FILE.rq|-", nargs="?", help="a named query, a .rq file, or - to read "
                   "the query from standard input")
    p.add_argument("--sparql", metavar="TEXT", help="the query itself, e.g. 'SELECT ?name WHERE { ?p vnkg:name "
                   "?name }' (the graph's prefixes vnkg:, prov:, org: … need no PREFIX line)")
    p.add_argument("--graph", required=False, help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint, e.g. http://127.0.0.1:7878/query")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a query variable (as an RDF literal; <iri> for an IRI)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="stop the query after this many seconds (exit code 4)")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")

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

    p = command("viz", "Draw a graph as an interactive HTML page that works offline.")
    p.add_argument("--graph", help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store` (instead of --graph)")
    p.add_argument("--out", required=True, help="the HTML page to write")
    p.add_argument("--open", action="store_true", help="open the page in a web browser")
    _network_filters(p)

    p = command("site", "Write a static site: a page for every person, body, place, meeting and article.")
    p.add_argument("--graph", help="graph file built by `vnkg build`")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store` (instead of --graph)")
    p.add_argument("--out", required=True, metavar="DIR", help="the site's folder (made, or updated in place)")
    p.add_argument("--person", metavar="NAME", help="only this person's meetings and the posts of those there")
    p.add_argument("--locality", metavar="NAME", help="only meetings and posts in this place (or inside it)")
    p.add_argument("--since", metavar="DATE", help="meetings and posts attested on or after YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="DATE", help="meetings and posts attested on or before YYYY[-MM[-DD]]")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="processes writing pages (default: all cores)")

    p = command("serve", "Serve a store as a read-only SPARQL 1.1 endpoint (the oxigraph server).")
    p.add_argument("--store", required=True, metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--writable", action="store_true",
                   help="accept SPARQL Update and Graph Store writes (refused by default)")
    p.add_argument("--bind", default="127.0.0.1:7878", metavar="HOST:PORT", help="default: 127.0.0.1:7878")

    p = command("push", "Load a store or graph into a Graph Store Protocol server, a PUT per article graph.")
    p.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store endpoint, e.g. http://HOST:7878/store")
    p.add_argument("--store", metavar="DIR", help="store built by `vnkg build --store`")
    p.add_argument("--graph", metavar="FILE", help="graph file built by `vnkg build`")

    p = command("validate", "Check a graph against the SHACL shapes.")
    p.add_argument("graph")

    p = command("evaluate", "Score extraction against gold files (P/R/F1, field accuracy).")
    p.add_argument("articles", metavar="ARTICLES")
    p.add_argument("gold", metavar="GOLD_DIR")
    p.add_argument("--errors", action="store_true", help="list each miss and each spurious fact")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--identity-gold", metavar="FILE", help="identity.json (default: in GOLD_DIR or beside it)")
    p.add_argument("--identity", metavar="FILE", help="judgements file the build applies")
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


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value
