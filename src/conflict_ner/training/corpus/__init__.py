"""The project's own labeled corpus: markup compiler, splits and checker."""
