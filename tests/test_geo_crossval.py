"""Cross-validated geocoding scores (geo/crossval.py): folds by document, each fold's supplement
from the other folds only, test rows never read."""

from __future__ import annotations

import pytest

from conflict_ner.errors import InputError
from conflict_ner.geo.crossval import assign_folds, cross_validate, fold_outcomes
from conflict_ner.geo.evaluate import GoldPlace
from conflict_ner.geo.gazetteer import Gazetteer

CITIES = [{"geonameid": 1, "name": "Idlib", "latitude": 35.930, "longitude": 36.634, "countrycode": "SY",
           "admin1code": "12", "population": 128840, "alternatenames": ["Idleb"]},
          {"geonameid": 3, "name": "Aleppo", "latitude": 36.202, "longitude": 37.159, "countrycode": "SY",
           "admin1code": "09", "population": 2098210, "alternatenames": []}]

TEXTS = {"d1": "Shelling hit Tal Hamra in Idlib province on Monday.",
         "d2": "Jets struck Tal Hamra, a village of Idlib province.",
         "d3": "Clashes broke out in Kafr Zita in Idlib province.",
         "t1": "Drones hit Tal Hamra in Idlib province."}


def _row(doc: str, name: str, lat: float, lon: float, split: str = "train") -> GoldPlace:
    start = TEXTS[doc].index(name)
    return GoldPlace(doc, start, start + len(name), name, split, "place", None, lat, lon, "SYR", "Idlib", 1, 2,
                     "annotator")


def _mentions() -> dict[str, list[tuple[int, int]]]:
    out = {}
    for doc, text in TEXTS.items():
        spans = []
        for name in ("Tal Hamra", "Kafr Zita", "Idlib"):
            if name in text:
                spans.append((text.index(name), text.index(name) + len(name)))
        out[doc] = sorted(spans)
    return out


@pytest.fixture(scope="module")
def base():
    return Gazetteer.build(cities=CITIES)


GOLD = [_row("d1", "Tal Hamra", 35.80, 36.50), _row("d2", "Tal Hamra", 35.80, 36.50, "dev"),
        _row("d3", "Kafr Zita", 35.70, 36.60), _row("t1", "Tal Hamra", 35.80, 36.50, "test")]


def test_folds_are_balanced_stable_and_by_document():
    docs = [f"doc-{n}" for n in range(23)]
    folds = assign_folds(docs, 5)
    sizes = sorted(list(folds.values()).count(f) for f in range(5))
    assert sizes == [4, 4, 5, 5, 5]
    assert assign_folds(reversed(docs), 5) == folds == assign_folds(docs + docs, 5)
    with pytest.raises(InputError, match="at least 2 folds"):
        assign_folds(docs, 1)


def test_a_place_counts_as_known_only_when_another_fold_located_it(base):
    # three documents, three folds: Tal Hamra (d1, d2) is known to each from the other; Kafr
    # Zita (d3 only) is not, and falls back to its province (not exact, precision 3)
    rows = fold_outcomes(GOLD, TEXTS, _mentions(), base, k=3)
    verdicts = {row.doc_id: (verdict["exact"], got.geo.geo_precision) for row, got, verdict, _ in rows}
    assert verdicts == {"d1": (True, 1), "d2": (True, 1), "d3": (False, 3)}
    assert len({fold for *_, fold in rows}) == 3


def test_scores_cover_train_and_dev_never_test(base):
    scores = cross_validate(GOLD, TEXTS, _mentions(), base, k=3)
    assert scores["all"]["n"] == 3 and "test" not in scores
    assert scores["all"]["exact"] == round(2 / 3, 4) and scores["dev"]["exact"] == 1.0


def test_evaluate_geo_cross_validate_command(base, tmp_path, monkeypatch, capsys):
    import json

    import conflict_ner.geo as geo
    from conflict_ner.app.cli import main

    # the command's gazetteer without the packaged supplement: the tiny one (no cities500 load)
    monkeypatch.setattr(geo, "default_gazetteer", lambda dumps=(), supplement=True: base)
    (tmp_path / "compiled").mkdir()
    mentions = _mentions()
    for split, docs in (("train", ["d1", "d3"]), ("dev", ["d2"]), ("test", ["t1"])):
        lines = [json.dumps({"id": d, "text": TEXTS[d], "spans": [[s, e, "LOCATION"] for s, e in mentions[d]]})
                 for d in docs]
        (tmp_path / "compiled" / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    header = ("doc_id\tstart\tend\ttext\tsplit\tlevel\tgeonames_id\tname\tlatitude\tlongitude\tcountry_iso3\t"
              "admin1\tgeo_precision\tsource\tnote\n")
    rows = [f"{r.doc_id}\t{r.start}\t{r.end}\t{r.text}\t{r.split}\tplace\t\t{r.text}\t{r.latitude}\t{r.longitude}"
            f"\tSYR\tIdlib\t1\tannotator\t" for r in GOLD]
    gold = tmp_path / "geo_gold.tsv"
    gold.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "cv.json"
    args = ["evaluate-geo", "--gold", str(gold), "--corpus", str(tmp_path), "--cross-validate", "3", "-o", str(out)]
    assert main(args) == 0
    report = json.loads(out.read_text())
    assert report["folds"] == 3 and "gold_spans" not in report
    assert report["cross_validated"]["all"]["n"] == 3 and "test" not in report["cross_validated"]
    assert "3-fold cross-validation" in capsys.readouterr().out
    assert main(args[:-2] + ["--sweep"]) == 2
    assert "leave out --model and --sweep" in capsys.readouterr().err
    assert main(args[:-4] + ["--cross-validate", "1"]) == 2
    assert "at least 2 folds" in capsys.readouterr().err
