"""Queries: the named SPARQL questions, their parameters bound as RDF terms, and the
engines that answer them (rdflib over a graph file, Oxigraph over a store, any SPARQL
1.1 endpoint), with results as tables, CSV or JSON."""
