"""Input as analysts have it, turned into documents the extractor reads.

- :mod:`~conflict_ner.ingest.page`: a web page's main text and provenance (``trafilatura``,
  ``htmldate``);
- :mod:`~conflict_ner.ingest.fetch`: URLs, fetched with one clear error when they cannot be;
- :mod:`~conflict_ner.ingest.language`: the English-only gate (``lingua``).

Each module is imported on use: reading ``.txt`` files loads none of these libraries.
"""
