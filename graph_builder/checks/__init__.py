"""Checks on a built graph: against the SHACL shapes (`validate`) and against gold
annotations (`evaluate`)."""
