"""vnkg: a knowledge graph of Vietnamese local-government news.

The public API; the `vnkg` command is a thin layer over these functions, which return
data and never print. In the order data flows:

- web:          `fetch` (pages into a WARC file, politely)
- reading:      `read_article`, `parse_article` -> an `Article`
- extraction:   `extract_file`, `extract_text`, `run_stages` over `STAGES`
- model:        `article_triples` (an extracted article as RDF)
- storage:      `build_graph`, `build_store` (one build path, a graph file or a store),
                `write_graph`, `load_graph`, `load_store`, `export_store`,
                `start_server`, `push`, `parse_shard`, `default_jobs`
- querying:     `named_queries`, `SparqlText`, `describe_query`, `parse_params`, `run_query`,
                `run_store_query`, `run_endpoint_query`, `format_result`
- presentation: `visualise`, `render_html`, `write_page`, `export_network`, `build_site`,
                `export_ftm` (FollowTheMoney entities), `export_tables` (analysis tables)
- resolution:   `identity_candidates` (namesakes kept apart or joined, and why)
- checks:       `validate_graph`, `evaluate`

>>> import graph_builder as vnkg
>>> article = vnkg.extract_text("a1", "Sáng 12/3/2024, đồng chí Mùa A Sơn, Phó Bí thư "
...     "Thường trực Tỉnh ủy Điện Biên chủ trì Hội nghị giao ban.")
>>> [p.name for p in article.persons]
['Mùa A Sơn']
"""

__version__ = "0.1.0"

from .errors import (EndpointError, InputError, LexiconError, QueryError, StrictWarnings, UsageError,
                     ValidationFailed, VnkgError)
from .reading.article import Article, parse_article
from .reading.sources import read_article
from .web.fetch import FetchReport, fetch
from .extraction.pipeline import STAGES, extract_file, extract_text, run_stages
from .model.rdf import article_triples
from .storage.build import BuildReport, StoreReport, build_graph, build_store
from .storage.files import load_graph, write_graph
from .storage.parallel import default_jobs, parse_shard
from .storage.store import export_store, load_store
from .storage.remote import PushReport, push
from .storage.server import Server, start_server
from .querying.queries import (QueryResult, SparqlText, describe_query, format_result, named_queries, parse_params,
                               run_query)
from .querying.engines import run_endpoint_query, run_store_query
from .presentation.gephi import export_network
from .presentation.ftm import export_ftm
from .presentation.tables import TablesReport, export_tables
from .presentation.viz import render_html, visualise, write_page
from .presentation.site import SiteReport, build_site
from .resolution.review import identity_candidates
from .checks.evaluate import Evaluation, evaluate
from .checks.validate import ValidationReport, validate_graph

__all__ = [
    # errors
    "VnkgError", "UsageError", "InputError", "QueryError", "ValidationFailed", "LexiconError",
    "StrictWarnings", "EndpointError",
    # the web
    "FetchReport", "fetch",
    # reading and extraction
    "Article", "read_article", "parse_article", "STAGES", "run_stages", "extract_text", "extract_file",
    # model
    "article_triples",
    # storage
    "BuildReport", "StoreReport", "build_graph", "build_store", "write_graph", "load_graph", "load_store",
    "export_store", "default_jobs", "parse_shard", "PushReport", "push", "Server", "start_server",
    # querying
    "QueryResult", "SparqlText", "named_queries", "describe_query", "parse_params", "run_query", "run_store_query",
    "run_endpoint_query", "format_result",
    # presentation
    "visualise", "render_html", "write_page", "export_network", "SiteReport", "build_site",
    "export_ftm", "export_tables", "TablesReport",
    # resolution
    "identity_candidates",
    # checks
    "Evaluation", "evaluate", "ValidationReport", "validate_graph",
]
