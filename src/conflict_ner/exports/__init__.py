"""Event records in the formats analysts load directly.

- :mod:`.acled`: ACLED's 31 columns, one row per event and location;
- :mod:`.ucdp`: UCDP GED-style columns, one row per event;
- :mod:`.parquet`: the records themselves, one row each, with the model and input that gave them.

Each CSV writer is a pure function from a document's records (and its input fields: ``url``,
``title``, ``site``, ``published``) to rows; ``conflict-ner extract --format acled|ucdp|parquet``
writes them resumably (:mod:`conflict_ner.app.batch_output`).
"""
