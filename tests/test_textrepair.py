import codecs
import re
import unicodedata

import pytest

from conflict_ner.text.mojibake import fix_runs, oddness
from conflict_ner.text.repair import MAX_UNIT, align, lone_leads, repair_text, safe_cut, units


def _cp1252_fill(err):
    """Show a byte the code page leaves undefined as cp1252 shows it (``โ€™`` in the wild)."""
    raw = err.object[err.start:err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw), err.end


codecs.register_error("test-cp1252-fill", _cp1252_fill)


def misread(text: str, page: str) -> str:
    """``text`` written as UTF-8 and read through ``page``."""
    return text.encode("utf-8").decode(page, errors="test-cp1252-fill")


CASES = [
    "Syria\u00e2\u20ac\u2122s army shelled Hama",
    "caf\u00c3\u00a9 bombed in Kyiv\u00e2\u20ac\u2122s centre",
    "\ufb01ghters in \uff28\uff41\uff4d\uff41 fired",
    "He said \u00e2\u20ac\u0153no\u00e2\u20ac\u009d and left",
]


@pytest.mark.parametrize("text", CASES)
def test_every_word_maps_back_to_its_original_characters(text):
    r = repair_text(text)
    assert r.changed
    for m in re.finditer(r"\w+", r.text):
        start, end = r.to_original(m.start(), m.end())
        original = text[start:end]
        assert 0 <= start < end <= len(text)
        # the original slice repairs to the same word (or contains it, for a split mojibake quote)
        assert m.group() in repair_text(original).text


def test_mojibake_possessive_is_fixed_and_entity_offsets_exact():
    text = "Syria\u00e2\u20ac\u2122s army"
    r = repair_text(text)
    assert r.text == "Syria's army"
    assert text[slice(*r.to_original(0, 5))] == "Syria"
    assert text[slice(*r.to_original(8, 12))] == "army"


def test_clean_text_is_untouched_and_identity_mapped():
    r = repair_text("Plain ASCII text, nothing to fix.")
    assert not r.changed and r.to_original(6, 11) == (6, 11)
    r = repair_text("Zürich and Đakovo are fine")
    assert r.text == "Zürich and Đakovo are fine"


# --- code pages ftfy misses ------------------------------------------------------------

SENTENCE = "Iraq’s army said “no” — the café in Zürich was hit, Россия, กรุงเทพ, العراق."
FAMILIES = ["cp874", "koi8_r", "cp437", "cp850", "cp1256", "cp1252", "cp1251", "cp1250", "mac_roman"]


def test_the_issues_thai_quote_is_repaired():
    text = "Iraq\u0e42\u20ac\u2122s army"  # as the issue shows it: Iraqโ€™s
    assert misread("Iraq’s army", "cp874") == text
    r = repair_text(text)
    assert r.text == "Iraq's army"
    assert text[slice(*r.to_original(0, 4))] == "Iraq"
    assert text[slice(*r.to_original(7, 11))] == "army"


@pytest.mark.parametrize("page", FAMILIES)
def test_utf8_read_through_each_code_page_is_repaired(page):
    moji = misread(SENTENCE, page)
    assert moji != SENTENCE
    r = repair_text(moji)
    assert r.text == repair_text(SENTENCE).text
    for word in ("Iraq", "café", "Zürich", "Россия", "กรุงเทพ", "العراق"):
        m = re.search(re.escape(word), r.text)
        start, end = r.to_original(*m.span())
        assert moji[start:end] == misread(word, page)


@pytest.mark.parametrize("sentence", [
    "Kyiv’s mayor said “we will rebuild” after the strike.",
    "Mosul’s old city — 36 killed, 12 wounded — was shelled again.",
])
@pytest.mark.parametrize("page", ["cp874", "koi8_r", "cp437", "cp1256"])
def test_english_sentences_through_the_missed_pages(page, sentence):
    assert repair_text(misread(sentence, page)).text == repair_text(sentence).text


@pytest.mark.parametrize("outer,inner", [("cp1252", "cp1252"), ("cp1252", "cp874"), ("cp874", "cp1252"),
                                         ("koi8_r", "cp1252"), ("cp1252", "cp1256")])
def test_double_encoding_is_undone(outer, inner):
    moji = misread(misread(SENTENCE, inner), outer)
    assert repair_text(moji).text == repair_text(SENTENCE).text


def test_lossy_decoding_leaves_a_replacement_character_not_a_glued_word():
    moji = "Iraq’s army".encode("utf-8").decode("cp874", errors="replace")
    assert moji == "Iraq\u0e42\u20ac\ufffds army"
    r = repair_text(moji)
    assert r.text == "Iraq\ufffds army"
    assert moji[slice(*r.to_original(0, 4))] == "Iraq"


GENUINE = [  # written for these tests
    "Президент России заявил, что переговоры в Стамбуле продолжатся. «Мы готовы», — сказал он; ВСЁ ЕЩЁ НЕЯСНО.",
    "Київ, Харків і Запоріжжя зазнали обстрілів; ЗСУ повідомили про збиті ракети «Іскандер».",
    "นายกรัฐมนตรีกล่าวว่า กองทัพจะถอนกำลังออกจากชายแดน และยกเลิกการประชุมที่กรุงเทพฯ เมื่อวันจันทร์",
    "ผู้สื่อข่าวรายงานว่า มีผู้เสียชีวิต ๑๒ ราย รถยนต์ถูกเผา ๓ คัน",
    "قال الجيش العراقي إن القوات استعادت السيطرة على الموصل، وأضاف: «لن نتراجع». هل انتهت الحرب؟",
    "گفتگوی وزیران خارجه ایران و پاکستان در تهران برگزار شد؛ چند توافق امضا شد.",
    "Le président a déclaré à Besançon que l'armée française se retirerait d'ici à l'été ; créée en 2019, « l'opération » coûte cher.",
    "Die Bundeswehr übernimmt ab Mittwoch die Führung; „Wir sind bereit“, sagte der Straßburger General.",
    "El ejército colombiano informó que en Córdoba y Chocó murieron 12 guerrilleros; «fue un éxito», dijo el ministro.",
    "Żołnierze z Łodzi i Kraków-Płaszów ćwiczą; źródła podają, że świętokrzyskie jednostki są gotowe.",
    "Ministerstvo obrany České republiky uvedlo, že příští týden dorazí čtyři vrtulníky do Přerova.",
    "Türk Silahlı Kuvvetleri, Şırnak ve Hakkâri'de operasyon düzenlediğini açıkladı; İdlib'de çatışmalar sürüyor.",
    "Quân đội Việt Nam cho biết người dân ở Quảng Trị đã được sơ tán; Nguyễn Văn Thành phát biểu.",
    "O exército português confirmou que São Tomé e Príncipe receberão ajuda; a população está em situação crítica.",
    "A magyar honvédség közölte, hogy Győrben és Székesfehérváron gyakorlatot tartanak.",
    "Armata României a anunțat că trupele din Constanța și Brașov sunt în alertă.",
    "Ο ελληνικός στρατός ανακοίνωσε ότι οι ασκήσεις στην Αλεξανδρούπολη συνεχίζονται.",
    "中国外交部表示，双方将在北京举行会谈。韩国军方称：“局势稳定”。",
    "Zürich, Đakovo, SÃO PAULO, Øresund, 5 °C, © 2019, €5, ±3 km², ½ of 1⁄4, 37° N, № 5, ™ and ®.",
]


@pytest.mark.parametrize("text", GENUINE[:6])
def test_genuine_russian_ukrainian_thai_arabic_persian_pass_unchanged(text):
    r = repair_text(text)
    assert r.text == text and not r.changed


@pytest.mark.parametrize("text", GENUINE)
def test_code_pages_leave_genuine_text_of_many_languages_alone(text):
    assert fix_runs(text).text == text  # (ftfy still straightens quotes and widths)


def test_genuine_thai_in_a_misread_document_is_not_mistaken_for_it():
    doc = misread("Iraq’s army — “no” — said", "cp874") + " ยกเลิก รถยนต์"
    assert repair_text(doc).text.endswith("said ยกเลิก รถยนต์")


def test_oddness_counts_symbols_beside_letters_and_script_changes():
    assert oddness("Iraq’s") == 0
    assert oddness("© 2019") == 0 and oddness("caf\u00c3\u00a9") > 0
    assert oddness("Iraq\u0e42\u20ac\u2122s") > oddness("Iraq’s")


# --- bounded units and offsets ---------------------------------------------------------------

@pytest.mark.parametrize("word", ["’", "Zürich’s", "Россия", "กรุงเทพ", "العراق", "“Hama”—"])
@pytest.mark.parametrize("page", ["cp1252", "cp874", "koi8_r", "cp437", "cp1256"])
def test_long_mojibake_without_spaces_is_cut_only_between_characters(page, word):
    clean = word * 300
    moji = misread(clean, page)
    assert all(end - start <= MAX_UNIT for start, end in units(moji))
    assert repair_text(moji).text == repair_text(clean).text


def test_units_cover_every_non_ascii_character_once():
    text = "a " + misread("’é" * 200, "cp1252") + " plain " + "x" * 500 + "Zürich"
    spans = list(units(text))
    assert all(e - s <= MAX_UNIT for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = {k for s, e in spans for k in range(s, e)}
    assert {k for k, ch in enumerate(text) if not ch.isascii()} <= covered


def test_cut_prefers_ascii_and_never_parts_an_accent():
    text = "x" * 10 + "é" + "y" + "e\u0301" * 20 + "\u00e9\u0301" * 20
    assert text[safe_cut(text, 5, 11)] == "y"
    for hi in range(20, 70):
        cut = safe_cut(text, hi - 8, hi)
        assert hi - 8 < cut <= hi and not unicodedata.category(text[cut]).startswith("M")


def test_align_is_exact_around_a_change_and_coarse_past_the_lookahead():
    assert align("fighters", "\ufb01ghters") == ([0, 0, 1, 2, 3, 4, 5, 6], [1, 1, 2, 3, 4, 5, 6, 7])
    assert align("'x'", "’x’") == ([0, 1, 2], [1, 2, 3])  # substitutions map one for one
    starts, ends = align("a" * 40, "b" * 30)
    assert starts == [0] * 40 and ends == [30] * 40


def test_to_original_rejects_ranges_outside_the_text_and_maps_empty_ranges():
    r = repair_text("Syria\u00e2\u20ac\u2122s army")
    with pytest.raises(ValueError, match="outside"):
        r.to_original(3, 99)
    assert r.to_original(6, 6) == (8, 8)
    assert r.to_original(len(r.text), len(r.text)) == (len(r.original), len(r.original))


# --- a Latin-1 symbol misread alone ("آ»": "»" read through cp1256) ----------------------------

def test_lone_cp1256_symbol_is_repaired_where_the_document_shows_the_page_elsewhere():
    text = "Israel\u00e2\u20ac\u2122s port and caf\u0623\u00a9 closed. \u0622\u00bb More"
    r = repair_text(text)
    assert r.text == "Israel's port and café closed. » More"
    k = r.text.index("»")
    assert text[slice(*r.to_original(k, k + 1))] == "\u0622\u00bb"
    assert text[slice(*r.to_original(k + 2, k + 6))] == "More"
    assert text[slice(*r.to_original(0, k + 6))] == text


@pytest.mark.parametrize("symbol", ["»", "«", "·", "°", "\xa0", "©"])
def test_lone_cp1256_symbol_that_cannot_be_arabic_is_repaired_with_no_other_evidence(symbol):
    text = f"Home \u0622{symbol} Africa"  # only spaces touch the pair: no Arabic word
    assert text == f"Home {misread(symbol, 'cp1256')} Africa"
    r = repair_text(text)
    assert r.text == f"Home {symbol} Africa"
    assert r.to_original(5, 6) == (5, 7) and text[slice(*r.to_original(6, 13))] == " Africa"


def test_lone_cp1256_symbols_side_by_side_are_each_repaired():
    assert repair_text("\u0622\u00ab\u0622\u00bb and \u0622\u00bb\u0622\u00bb").text == "«» and »»"


ARABIC_WITH_MADDA = [  # written for these tests: words with "آ", some before a Latin-1 symbol
    "قالت المصادر إن «ملجآ» آمنا أُقيم قرب المنشآت، وإن المرآة تحطمت.",
    "كتب المعلم الحرف «آ» على السبورة.",
    "آ\xa0زيد، هل رأيت الآثار؟",
    "نتائج المجموعة أ» أعلنت اليوم.",
]


@pytest.mark.parametrize("text", ARABIC_WITH_MADDA)
@pytest.mark.parametrize("elsewhere", ["", " caf\u0623\u00a9 \u0622\u00bb"])
def test_genuine_arabic_with_madda_is_never_repaired(text, elsewhere):
    r = repair_text(text + elsewhere)
    assert r.text.startswith(text)
    if not elsewhere:
        assert not r.changed
    else:  # the document's own mojibake still is
        assert r.text.endswith(" café »")


def test_lone_lead_of_a_page_whose_letter_is_a_word_needs_more_than_its_shape():
    text = "«Группа В» и В°"  # Russian: "В" is a word; cp1251 is not a lone-lead page
    assert repair_text(text).text.startswith("«Группа В»")
    assert list(lone_leads(text, 0, len(text), frozenset({"cp1251"}))) == []


def test_lone_leads_neighbours():
    shown = frozenset({"cp1256"})
    assert list(lone_leads("a \u0622\u00bb b", 0, 6)) == [(2, "cp1256")]
    assert list(lone_leads("\u00a9\u0622\u00bb", 0, 3)) == []            # not apart: needs evidence
    assert list(lone_leads("\u00a9\u0622\u00bb", 0, 3, shown)) == [(1, "cp1256")]
    assert list(lone_leads("\u00ab\u0622\u00bb", 0, 3, shown)) == []     # a quoted letter
    assert list(lone_leads("\u0645\u0622\u00bb", 0, 3, shown)) == []     # end of an Arabic word
    assert list(lone_leads("\u0622\u00a0\u0632", 0, 3, shown)) == []     # before an Arabic word
    assert list(lone_leads("\u0622\u0628", 0, 2, shown)) == []           # no symbol
