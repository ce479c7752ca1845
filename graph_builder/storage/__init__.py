"""Storage and serving: where graphs live.

build (one path for every build: scan -> extract in parallel -> admit -> a sink) over
parallel (processes and shards), into files (a graph file, written atomically) or store
(the on-disk Oxigraph store, incremental); server (a SPARQL endpoint over a store) and
remote (pushing graphs to a Graph Store Protocol server).
"""
