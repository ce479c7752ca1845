"""Named SPARQL queries, installed as the package graph_builder.queries (see pyproject.toml)."""
