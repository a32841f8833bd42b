"""How long `conflict-ner --help` and `import conflict_ner` take, against a bare interpreter.

    .venv/bin/python bench/cli_startup.py

Best of N wall-clock runs of each command in fresh processes; the bare `python -c pass`
row is the floor every command pays. The CPU is printed with the table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import machine  # noqa: E402  (bench/ is the script's folder)


def best_of(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = shutil.which("conflict-ner", path=str(Path(sys.executable).parent)) or "conflict-ner"
    rows = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("python -c 'import conflict_ner'", [sys.executable, "-c", "import conflict_ner"]),
            ("conflict-ner --help", [exe, "--help"]),
            ("conflict-ner extract --help", [exe, "extract", "--help"]),
            ("python -c 'import torch, transformers' (for scale)",
             [sys.executable, "-c", "import torch, transformers"])]
    print(f"{machine()}; best of {args.runs}")
    print("| command | seconds |\n|---|---:|")
    for name, cmd in rows:
        print(f"| {name} | {best_of(cmd, args.runs):.3f} |")


if __name__ == "__main__":
    main()
