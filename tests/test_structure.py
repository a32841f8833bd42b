"""The package's shape: cheap import, no back-imports from inference into training, a CLI
that names its version and keeps quiet when asked."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_ner.app.cli import main

PKG = Path(__file__).parent.parent / "src/conflict_ner"
FIXTURES = Path(__file__).parent / "fixtures"
# what runs when a user extracts: none of it may import the training code
INFERENCE = ["extractor.py", "records.py", "schema.py", "errors.py", "labels.py", "tagging", "text", "events",
             "ingest", "app/batch.py", "app/batch_inputs.py", "app/batch_ingest.py", "app/view.py", "app/output.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_inference_code_never_imports_training():
    files = [p for name in INFERENCE for p in ([PKG / name] if name.endswith(".py") else (PKG / name).rglob("*.py"))]
    assert len(files) > 20
    offenders = {str(f.relative_to(PKG)): sorted(m for m in _imports(f) if m.startswith("conflict_ner.training"))
                 for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_import_is_cheap():
    code = "import sys, conflict_ner; print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_does_not_load_torch():
    code = ("import sys; from conflict_ner.app.cli import build_parser; build_parser().format_help(); "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_version(capsys):
    import conflict_ner

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"conflict-ner {conflict_ner.__version__}"


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "conflict_ner.app.cli", *args], capture_output=True, text=True,
                          env=env)


def test_quiet_silences_progress_and_third_party_output(tiny_model_dir):
    data = str(FIXTURES / "sample.jsonl")
    loud = _cli("evaluate", "--model", str(tiny_model_dir), data)
    assert loud.returncode == 0 and "tagging" in loud.stderr  # the progress bar: the check can fail
    quiet = _cli("-q", "evaluate", "--model", str(tiny_model_dir), data)
    assert quiet.returncode == 0 and quiet.stderr == "" and "micro P/R/F1" in quiet.stdout
    after = _cli("evaluate", "-q", "--model", str(tiny_model_dir), data)  # after the command, too
    assert after.returncode == 0 and after.stderr == ""


def test_a_bad_published_date_is_an_error_not_a_traceback(tiny_model_dir, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Rebels shelled Hama on Monday.", encoding="utf-8")
    code = main(["view", "--model", str(tiny_model_dir), str(article), "--published", "08/05/2024",
                 "-o", str(tmp_path / "v.html")])
    assert code == 2
    assert "published date '08/05/2024' is ambiguous" in capsys.readouterr().err
    assert not (tmp_path / "v.html").exists()


def test_the_view_escapes_its_own_text_once():
    from conflict_ner.app.view import render_html
    from conflict_ner.records import CountRef, EventDate, EventRecord, TextSpan

    text = "Shelling killed 3 people in Hama on Monday."
    rec = EventRecord("d", TextSpan(text, 0, len(text)), EventDate("2024-05-06", "day", "Monday"),
                      counts=(CountRef("3", 16, 17, 3, 1, 5, "people", "killed"),))
    html = render_html(text, [], [rec], title="t")
    assert "&amp;" not in html  # no entity reference escaped a second time
    assert "\u2192 3 killed" in html and "\u201cMonday\u201d" in html and "[1-5]" in html
    assert f"<td>{rec.event_type} \u2013 {rec.sub_event_type}</td>" in html and "<th>event type</th>" in html


def test_the_main_script_extracts_each_example_article_once():
    import re
    import shlex

    from conflict_ner.app.batch_inputs import iter_inputs

    repo = PKG.parent.parent
    script = (repo / "scripts/main.sh").read_text()
    line = next(ln for ln in script.splitlines() if re.search(r"conflict-ner\s+extract\s", ln))
    words = shlex.split(line.replace('"$OUT"', "OUT"))
    inputs, skip = [], False
    for w in words[words.index("extract") + 1:]:
        if skip:
            skip = False
        elif w in ("--model", "-o", "--output", "--format"):
            skip = True
        elif not w.startswith("-"):
            inputs.append(str(repo / w))
    texts = [" ".join(item.text.split()) for item in iter_inputs(inputs, 2_000_000) if item.text]
    assert len(texts) >= 4 and len(set(texts)) == len(texts)
