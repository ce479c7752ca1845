"""Extraction: the stages over an `Article` (see `pipeline.STAGES`).

tokens and titles (the title grammar over the lexicons) -> places (`context`) ->
mentions (names and their title chains) -> persons (coreference, full titles) ->
meetings (type, date, place, chair, participants, organisers).
"""
