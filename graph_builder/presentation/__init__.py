"""Presentation: the graph for people to look at. `network` turns it into a networkx
graph of people, meetings, bodies, posts and places (and GraphML/GEXF); `viz` draws that
as one self-contained interactive page."""
