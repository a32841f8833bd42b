"""The English-only gate: news in other languages is refused with its language named; no
corpus document (mojibake ones included), short text, name list or mixed text is."""

import glob
import json

import pytest

from conflict_ner.ingest import language
from conflict_ner.ingest.language import decide, foreign_language, windows

from .conftest import REPO

FRENCH = ("Des tirs d'artillerie ont frappé mardi matin deux villages du sud de la province d'Idleb, tuant au "
          "moins six civils, dont deux enfants, selon un réseau local de secouristes. Les obus sont tombés peu "
          "après l'aube, alors que les agriculteurs se rendaient dans leurs champs. Une source militaire citée "
          "par une radio proche du pouvoir a affirmé que l'armée avait riposté à des attaques de drones.")
SPANISH = ("Un ataque con drones contra un mercado en las afueras de la ciudad dejó al menos once muertos y "
           "decenas de heridos el sábado por la tarde, según informaron fuentes hospitalarias. Ningún grupo "
           "reivindicó de inmediato el ataque, que se produjo cuando el mercado estaba lleno de compradores. "
           "Las autoridades locales decretaron tres días de luto y pidieron una investigación independiente.")
RUSSIAN = ("В ночь на среду беспилотники атаковали объекты энергетики в приграничном районе, сообщили местные "
           "власти. По их словам, в результате удара пострадали три человека, а в нескольких сёлах пропало "
           "электричество. Военные заявили, что большую часть аппаратов удалось сбить силами "
           "противовоздушной обороны, обломки упали на окраине районного центра.")
ARABIC = ("قصفت قوات النظام صباح الثلاثاء بلدتين في ريف إدلب الجنوبي، ما أسفر عن مقتل ستة مدنيين بينهم طفلان "
          "وإصابة آخرين بجروح، بحسب ما أفاد فريق الدفاع المدني. وقال شهود عيان إن القذائف سقطت بعد الفجر بقليل "
          "بينما كان المزارعون يتوجهون إلى حقولهم. ولم تعلّق وسائل الإعلام الرسمية على القصف حتى مساء اليوم.")
ENGLISH = ("Government artillery pounded two villages in the southern Idlib countryside on Tuesday, killing six "
           "civilians, among them two children, a local monitoring group said. The shells struck Kansafra and "
           "Al-Bara shortly after dawn, when farmers were heading to their fields. A military source quoted by a "
           "pro-government radio station said the army had responded to drone attacks launched from the area.")


def _corpus_texts():
    texts = []
    for path in sorted(glob.glob(str(REPO / "training/corpus/compiled/*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            texts += [(obj["id"], obj["text"]) for obj in map(json.loads, handle) if "text" in obj]
    return texts


def _markup_texts():
    from conflict_ner.training.corpus.markup import read_markup

    errors: list = []
    texts = [(md.document.id, md.document.text)
             for path in sorted(glob.glob(str(REPO / "training/corpus/markup/*.md")))
             for md in read_markup(path, errors=errors)]
    return texts


@pytest.mark.parametrize("text, name", [(FRENCH, "French"), (SPANISH, "Spanish"), (RUSSIAN, "Russian"),
                                        (ARABIC, "Arabic")])
def test_news_in_another_language_is_named(text, name):
    assert foreign_language(text) == name
    assert foreign_language(text * 12) == name  # a long article: windows spread over it
    # a headline in English on top changes nothing
    assert foreign_language("Six killed in Idlib shelling\n\n" + text * 3) == name


def test_no_corpus_document_is_refused_mojibake_included():
    docs = dict(_corpus_texts())
    docs.update(_markup_texts())  # the markup holds documents not compiled yet, mojibake pages among them
    assert len(docs) > 400
    mojibake = [i for i, t in docs.items() if any(m in t for m in ("\u0e42\u20ac", "\u00e2\u20ac", "\u0432\u0402"))]
    assert mojibake, "the corpus should hold mojibake documents (else this test checks less than it says)"
    verdicts = {i: foreign_language(t) for i, t in docs.items()}
    assert {i: v for i, v in verdicts.items() if v is not None} == {}


def test_the_detector_itself_calls_every_corpus_window_english(monkeypatch):
    # with the function-word shortcut off, lingua judges every window: none is called foreign
    monkeypatch.setattr(language, "looks_english", lambda window: False)
    texts = [t for _, t in _corpus_texts()][::3]
    verdicts = {language.window_language(w) for t in texts for w in windows(t)}
    assert verdicts <= {"English", None}


def test_short_texts_name_lists_and_mixed_texts_pass():
    assert foreign_language("") is None
    assert foreign_language("Jaysh al-Islam, Ahrar al-Sham, Hayat Tahrir al-Sham, Jabhat Fatah al-Sham") is None
    assert foreign_language("Des obus sont tombés sur deux villages mardi.") is None  # too short to judge
    # an English article quoting a paragraph of Arabic, and a page in two languages
    assert foreign_language(ENGLISH + "\n\n" + ARABIC + "\n\n" + ENGLISH * 2) is None
    assert foreign_language(ENGLISH * 2 + "\n\n" + FRENCH * 2) is None


def test_english_full_of_mojibake_passes():
    for codec in ("cp874", "koi8-r", "cp437", "cp1256", "cp1252"):
        broken = ENGLISH.replace("Al-Bara", "Al\u2013Bara\u2019s").replace("said", "said \u201cthis\u201d")
        garbled = broken.encode("utf-8").decode(codec, "replace")
        assert foreign_language(garbled * 3) is None, codec


def test_windows_and_the_vote():
    text = "a" * 1000 + "b" * 1000
    ws = windows(text, 400, 4)
    assert len(ws) == 4 and ws[0] == "a" * 400 and ws[-1] == "b" * 400
    assert windows("x" * 500, 400, 4) == ["x" * 400, "x" * 400]
    assert decide(["French", "French", "French", "English"]) == "French"
    assert decide(["French", "Arabic", "Spanish", "English"]) is None  # no majority language
    assert decide(["French", "French", "English", "English"]) is None  # half English
    assert decide([None, None]) is None
