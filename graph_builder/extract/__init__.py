"""Extraction stages. Each takes an `Article`, fills one field and returns what it found:

places (`context`) -> mentions -> persons (names, titles, coreference) -> meetings.
"""
