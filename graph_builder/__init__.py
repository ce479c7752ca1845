"""vnkg: a knowledge graph of Vietnamese local-government news.

The public API; the `vnkg` command is a thin layer over these functions.
"""

__version__ = "0.1.0"

from .article import Article, parse_article, read_article
from .errors import InputError, QueryError, UsageError, ValidationFailed, VnkgError
from .evaluate import evaluate
from .pipeline import STAGES, extract_file, extract_text, run_stages
from .queries import QueryResult, named_queries, run_query
from .rdf import article_triples
from .store import BuildReport, build_graph, load_graph, write_graph
from .validate import validate_graph
from .oxstore import StoreReport, build_store, export_store
from .engines import run_endpoint_query, run_store_query
from .remote import PushReport, push
from .server import Server, start_server
from .viz import render_html, visualise

__all__ = [
    "Article", "BuildReport", "InputError", "QueryError", "QueryResult", "STAGES", "UsageError",
    "ValidationFailed", "VnkgError", "article_triples", "build_graph", "evaluate", "extract_file",
    "extract_text", "load_graph", "named_queries", "parse_article", "read_article", "run_query",
    "run_stages", "validate_graph", "write_graph",
    "render_html", "visualise",
    "PushReport", "Server", "StoreReport", "build_store", "export_store", "push", "run_endpoint_query",
    "run_store_query", "start_server",
]
