"""What the command line prints besides its results: one switch for ours and third parties'.

``-q`` leaves errors only (no progress bars, no transformers loading reports); ``-v``
adds our info messages and third-party warnings; ``-vv`` is debug output for all.

>>> configure_output(quiet=True)   # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import sys


def configure_output(quiet: bool = False, verbose: int = 0) -> None:
    """Set log levels and progress bars for this process (transformers only if it gets imported)."""
    ours = logging.ERROR if quiet else logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING
    third = logging.ERROR if quiet or not verbose else logging.DEBUG if verbose >= 2 else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("conflict_ner")
    logger.handlers[:] = [handler]
    logger.setLevel(ours)
    logger.propagate = False
    # transformers reads these when it is first imported (lazily, after this call)
    os.environ["TRANSFORMERS_VERBOSITY"] = logging.getLevelName(third).lower()
    if third >= logging.ERROR:
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
        os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    if "transformers" in sys.modules:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity(third)
        if third >= logging.ERROR:
            hf_logging.disable_progress_bar()
    logging.getLogger("py.warnings").setLevel(third)
    logging.captureWarnings(third >= logging.ERROR)
