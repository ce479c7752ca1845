"""Presentation: the graph for people and for other tools. `network` turns it into a
networkx graph of people, meetings, bodies, posts and places; `viz` draws that as one
self-contained interactive page and `gephi` writes it as GraphML or GEXF; `site` makes a
static site with a page for every person, body, place, meeting and article; `tables`
(over `relations`) writes analysis tables for DuckDB or pandas, and `ftm` FollowTheMoney
entities for screening tools."""
