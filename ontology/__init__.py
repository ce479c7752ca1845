"""Ontology files, installed as the package graph_builder.ontology (see pyproject.toml)."""
