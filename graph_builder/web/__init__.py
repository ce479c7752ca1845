"""From the web to a WARC file: which pages (discovery), asking politely (client), and
the fetch that archives the answers (fetch)."""
