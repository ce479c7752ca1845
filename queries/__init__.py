"""Named SPARQL queries, installed as the package graph_builder.named_queries (see pyproject.toml)."""
