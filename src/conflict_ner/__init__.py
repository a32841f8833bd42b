"""conflict-ner: entity spans and event records from conflict news."""

__version__ = "0.1.0"
