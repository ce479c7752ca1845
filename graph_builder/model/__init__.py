"""The RDF model: an extracted `Article` as triples (`rdf`), with IRIs made from
canonical content; the shipped ontology and shapes and the concepts they describe
(`vocabulary`); the same terms for Oxigraph (`oxterms`)."""
