"""Reading: a file (or text) becomes an `Article`.

corpus (which files) -> decoding (bytes to text) -> html (a saved page to its story)
-> layout (page furniture, headline, byline, publication line, dateline, sentences)
-> article (the `Article` every later stage fills in).
"""
