"""Modality of a reported act: asserted, negated, claimed, threatened or planned.

Per training/ANNOTATION.md section 3, a statement from a party to the fighting
is ``claimed``; one from the reporter or a neutral source (monitor, UN body,
hospital, residents, NGO) is ``asserted``, with the source in the attribution.

>>> modality(Sentence("The army said it killed 30 militants."))
'claimed'
>>> modality(Sentence("Thirty people were killed, a hospital official said."))
'asserted'
"""

from __future__ import annotations

import re
from typing import Literal

from conflict_ner.events.lexicon import NEGATABLE_ACT_STEMS, NEUTRAL_SOURCES, OWN_STATEMENT_VERBS, PARTY_SOURCES
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.sources import Source
from conflict_ner.records import Modality

SourceKind = Literal["party", "neutral", "unknown"]

_NEGATED = re.compile(
    r"(?P<denial>\bden(?:y|ies|ied|ying|ial)\b|"
    # what a side rejects is the other's account of the act: its figures, toll, version, its blame
    r"\b(?:rejected|rejects|dismissed|dismisses|refuted) (?:(?:the|these|those|such|that|this|any) )?(?:[\w'\u2019.-]+ )?"
    r"(?:claims?|reports?|allegations?|accusations?|figures?|toll|account|version|responsibility)\b)|"
    r"(?P<outcome>\bno (?:one|casualties|injuries|deaths|fatalities|damage|victims|losses|people|civilians|soldiers|"
    r"lives)\b|\bnobody\b(?=\s+(?:was|were|has been|had been|died)\b)|"
    # "No volunteers were hurt", "no US personnel were killed": a group of people none of whom was harmed,
    # unless others were ("no staff were killed but two patients were")
    r"\bno\s+(?:[\w-]+\s+){1,3}?(?:was|were|(?:had|has|have) been)\s+(?:\w+ly\s+)?(?:hurt|killed|injured|wounded|harmed)\b"
    r"(?!\s*(?:;|,?\s*but\b))|\bnone of\b|\bwithout (?:causing )?(?:any )?(?:casualties|injuries|damage|loss)\b)|"
    r"\b(?:baseless|fabricated)\b|"
    rf"\b(?:did|does|do|has|have|had|was|were|is|are|would)(?:\s+not|n't)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{NEGATABLE_ACT_STEMS})|"
    rf"\bnever\s+(?:\w+\s+){{0,2}}?(?:{NEGATABLE_ACT_STEMS})",
    re.I,
)
_THREATENED = re.compile(
    r"\bthreat(?:en|ens|ened|ening)\b|\bvow(?:ed|s|ing)?\b|\bultimatum\b|\bthreat of\b|"
    r"\bwarn(?:ed|s|ing)? (?:that )?(?:it|they|he|she|we|the \w+) (?:would|will)\b|"
    r"\b(?:pledg|promis)(?:ed|es|ing) to (?:retaliate|avenge|attack|strike|respond|hit|destroy|punish)|"
    r"\breserv(?:ed|es|ing) the right to\b|\bentitled to (?:strike|attack|respond|hit|retaliate)\b|"
    r"\bwarn(?:ed|s|ing) that\b[^.;]{0,80}?\b(?:would|will)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\bplan(?:s|ned|ning)? (?:to|an?|for)\b|\bprepar(?:es|ed|ing) (?:to|for)\b|\bintends? to\b|\bset to\b|"
    r"\babout to\b|\bupcoming\b|\bimminent\b|\bwill (?:\w+ )?(?:attack|launch|strike|begin|start|send|deploy|"
    r"target|bomb|storm|invade|continue|expand|resume)\b|"
    r"\bannounc(?:ed|es|ing) (?:an? |the |its )?(?:new |major |imminent |large-scale )?"
    r"(?:offensive|operation|campaign|assault|attack|mobilization|mobilisation)\b|"
    r"\bwould (?:launch|attack|strike)\b",
    re.I,
)
# Words a party uses of itself or its enemy, in its own statements ("our units", "terrorists were neutralised").
_PARTY_VOICE = re.compile(r"\bour (?:forces|units|troops|fighters|soldiers|army|heroes|mujahideen|men|brave|valiant|"
                          r"armed forces|air defen[cs]es?)\b|\bwe (?:killed|destroyed|repelled|struck|targeted|attacked|"
                          r"shot down|downed|captured|liberated)\b|\bneutrali[sz](?:ed|ing)\b|\bmartyr(?:ed|s|dom)\b|\bterrorists?\b|"
                          r"\benemy\b|\bliquidat(?:ed|ing)\b|\bmujahideen\b|\bkhawarij\b", re.I)
# The party speaking of itself: one such phrase outside quotes makes a statement (``speaks_as_party``).
_FIRST_PERSON = re.compile(r"(?:our|we)\b", re.I)
#: Other party words outside quotes a document needs to read as a party's statement: neutral
#: reports use "terrorist" once or twice (a designation, a paraphrase), statements use it throughout.
PARTY_VOICE_WORDS = 4
_QUOTED = re.compile(r'"[^"\n]{0,400}?"|\u201c[^\u201d\n]{0,400}?\u201d|\u00ab[^\u00bb\n]{0,400}?\u00bb')
_DESIGNATION = re.compile(r"\b(?:as|an?|designated)\s+(?:\w+\s+)?terrorists?\s+(?:organi[sz]ations?|groups?|entity)\b|"
                          r"\bterrorist (?:propaganda|designation|list)", re.I)
# A statement's title names it and its author: a party's makes the document a party's statement.
_TITLE_CHARS = 600  # the title lines of a page come first
_LINES = re.compile(r"[^\n]+")
_STATEMENT_TITLE = re.compile(r"\b(?:statements?|press release|communiqu[e\u00e9]|media office)\b", re.I)
_PARTY_IN_TITLE = re.compile(r"\b(?:defen[cs]e|division|operations|army|armed forces|inter.services|spokesman|"
                             r"security media)\b", re.I)
# a claim of responsibility, or one side blaming another: both are a party's word, not a fact
_CLAIM_WORD = re.compile(r"\bclaim(?:ed|s|ing)?\b(?! (?:the )?lives\b)|\bblam(?:ed|es|ing)\b|"
                         r"\baccus(?:ed|es|ing)\b|\battribut(?:ed|es|ing)\b", re.I)
# the words before a claim word that may name who claims ("The Syria Civil Defense attributed ...")
_CLAIMANT_CHARS = 80
# a word that opens a clause or carries one's verb: the words before the statement verb are no subject
_CLAUSE_WORD = re.compile(r"\b(?:when|after|before|while|as|but|which|who|whom|that|was|were|is|are|had|has|have)\b",
                          re.I)
# verbs of a statement or a release, whose subject is the source (:func:`stating_party`)
_STATEMENT_VERB = re.compile(r"\b(?:announc(?:ed|es)|declared|published|released|posted|described|called|identified|"
                             r"said|says|told|stated|reported|confirmed|regrets to announce|showed)\b")
# a statement or claim verb whose subject a later "it said" stands for (:func:`party_speaker`)
_SPEAKER_VERB = re.compile(_STATEMENT_VERB.pattern + r"|\bclaim(?:ed|s)\b(?! to\b)")
# a claim word in the passive ("attacks attributed to the ADF", "the bombing, claimed by the PKK,", "has been
# accused of") reports who is said to have acted; the sentence itself still asserts the act
# ("claimed to have killed", "claimed on Saturday" are the claimant's own word: only "attributed to" and "blamed on")
_PASSIVE_CLAIM = re.compile(r"(?:(?:attributed|claimed|blamed|accused)\s+by|attributed\s+to|blamed\s+on)\b", re.I)
# the subject of a relative clause before a claim word: "which the group blamed on ...", "that Kyiv attributed to ..."
_RELATIVE_CLAIMANT = re.compile(r"\b(?:which|that)\s+(?P<who>(?:the\s+)?[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,2}?)\s+$", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:been|be|being|was|were|(?!(?-i:IS)\b)is|are)\s+$", re.I)  # "IS claimed": the group
_PRONOUN_SAYS = re.compile(r"\b(?:he|she|they|it)\s+(?:later\s+|also\s+)?(?:said|says|added|adds|told|stated|noted)\b|"
                           r"\b(?:said|added) (?:he|she)\b", re.I)
_PRONOUN_SPEAKER = re.compile(r"(?:he|she|they|it|the (?:spokesman|spokeswoman|spokesperson|official|officer|"
                              r"statement|group|ministry|army|military|source|general|commander|announcement|"
                              r"minister))$", re.I)
# a verb in the words before the statement verb: they are a clause of their own ("Iraqi forces took the citadel,
# and the prime minister declared ..."), not its subject
_SUBJECT_VERB = re.compile(r"\b(?:took|seized|captured|entered|killed|attacked|launched|fired|struck|hit|shelled|"
                           r"bombed|stormed|overran|retook|advanced|withdrew|fought|clashed)\b", re.I)
_ARMED_SPEAKER = re.compile(r"the (?:army|military)", re.I)
_SAYS_OWN = re.compile(rf"\b(?:{OWN_STATEMENT_VERBS})(?: on \w+| in a statement)? (?:that )?(?:it|its) ", re.I)
# sources joined by "and" (:func:`_joined_sources`): the conjunct before the first source starts after a
# comma, a dash or "according to", and is a short noun phrase
_AND_JOIN = re.compile(r"\s+(?:and|as well as)\s+(?:to\s+)?", re.I)
_LEFT_CONJUNCT = re.compile(r"(?:[,;:\u2014\u2013-]\s*|\baccording to\s+)(?P<np>[^,;:()\"\u201c\u201d]{2,50}?)"
                            r"\s+(?:and|as well as)\s+(?:to\s+)?$", re.I)
_VERB_LIKE = re.compile(r"\b(?:\w+(?:ed|ing)|had|has|have|was|were|is|are|will|would|took|fell|hit|struck|shot|said|"
                        r"says)\b", re.I)
# an appositive beside a named source (:func:`_described_as`)
_APPOSITIVE_AFTER = re.compile(r"\s*,\s+(?P<app>[^,;:()\"\u201c\u201d]{3,80}?)\s*(?:,|[.]?$)")
_APPOSITIVE_BEFORE = re.compile(r"(?:^|,\s+|\s[\u2014\u2013-]\s+)(?P<app>[^,;:()\"\u201c\u201d]{3,80}?),\s*$")
_ROLE_OPENER = re.compile(r"(?:the|a|an|(?:deputy |chief |senior )?(?:head|chief|leader|governor|spokes(?:man|woman|person)|"
                          r"commander|director|minister|mayor|president|founder))\s", re.I)
# a contrast between two sources' accounts ("X said ..., while Y said ...")
_CONTRAST = re.compile(r",\s+(?:while|whereas)\s+", re.I)
# ACLED inter codes of the parties to fighting: state forces, rebels, militias, external forces
_PARTY_INTER = frozenset({1, 2, 3, 4, 8})
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_CONJUNCTS = re.compile(r",\s+|\s+and\s+|\s*&\s*")
# case-sensitive: a demonym ("Turkish", "Israeli", "Congolese") or a state's short name before "officials"
_STATE_OFFICIALS = re.compile(r"(?:\b[A-Z][a-z]+(?:an|ish|ese|i)|\bU\.?S\.?)\s+(?:(?:security|defen[cs]e|military|"
                              r"government|senior)\s+)?officials?\b")
_PARTY = re.compile(rf"\b(?:{PARTY_SOURCES})\b", re.I)
# case-sensitive: a military rank before a name speaks for an armed force ("Major General Lucky Irabor")
_RANK = re.compile(r"\b(?:(?:Major |Lieutenant |Brigadier |Colonel )?General|Gen\.|Colonel|Col\.|Lieutenant|Lt\.|"
                   r"Major|Maj\.|Brigadier|Brig\.|Captain|Capt\.|Admiral|Adm\.|Sergeant|Sgt\.)\s+[A-Z]")
# officers speak for an armed force (police and medical officers aside, neutral as police and health staff are)
_OFFICERS = re.compile(r"(?<!police )(?<!medical )(?<!health )\bofficers?\b", re.I)
_NEUTRAL = re.compile(rf"\b(?:{NEUTRAL_SOURCES})\b", re.I)
# a state's office holders speak for its government (section 3: a belligerent government and its
# ministries); its health officials, hospitals and local officials stay neutral
_OFFICE_HOLDER = re.compile(r"\bgovernor\b|\bhealth minist(?:ry|er)\b|\bministry of health\b", re.I)
# neutral bodies the word lists miss, which the actor table would type as state or external bodies
# (section 3: UN bodies, NGOs, civil defence): rights groups, an ombudsman, emergency and rescue
# services, the UN's migration agency and its missions
_NEUTRAL_BODY = re.compile(r"\brights groups?\b|\bombudsm[ae]n\b|\bemergency services?\b|\brescue services?\b|"
                           r"\borgani[sz]ation for migration\b|\bIOM\b|\b(?:MONUSCO|MINUSMA|UNMISS|UNAMA|UNAMI|UNIFIL|"
                           r"UNSMIL|UNAMID)\b", re.I)
# the outlet's own reporter: in a party's statement or outlet it is the party's voice, elsewhere the reporter's
_OWN_REPORTER = re.compile(r"\bour (?:own )?(?:\w+ )?(?:correspondents?|reporters?|journalists?)\b", re.I)


def speaks_as_party(text: str) -> bool:
    """Whether a document is written in a party's own voice (a military or armed group's
    statement: "our units repelled", "terrorists were neutralised").

    Only the narrative counts: a party's words quoted by a reporter (``the ministry said
    3,603 "terrorists" were "neutralized"``) are the reporter's citation, and a designation
    (``lists it as a terrorist organisation``) is no voice. A first-person ``our forces`` /
    ``we repelled`` is the party itself; other words (``terrorists``, ``enemy``, ``martyrs``)
    also appear in neutral reports, so it takes :data:`PARTY_VOICE_WORDS` of them.

    >>> speaks_as_party("Our units repelled the assault."), speaks_as_party("Rebels attacked, a monitor said.")
    (True, False)
    >>> speaks_as_party('The army said 30 "terrorists" were "neutralised" near the "enemy" lines.')
    False
    """
    if _party_title(text):
        return True
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    words = 0
    k = 0  # quotes and matches are both in text order: one sweep
    for m in _PARTY_VOICE.finditer(text):
        while k < len(quoted) and quoted[k][1] <= m.start():
            k += 1
        if k < len(quoted) and quoted[k][0] <= m.start():
            continue  # inside a quotation
        if _FIRST_PERSON.match(m.group(0)):
            return True
        if not _DESIGNATION.search(text, max(0, m.start() - 30), min(len(text), m.end() + 30)):
            words += 1
    return words >= PARTY_VOICE_WORDS


def _party_title(text: str) -> bool:
    """Whether one of the document's first title lines calls it a statement of a party
    ("U.S. Africa Command statement on the ambush", "MINISTRY OF NATIONAL DEFENCE - PRESS STATEMENT").

    >>> _party_title("Lebanese Army Command: communique No. 4\\n\\nUnits advanced.")
    True
    >>> _party_title("Press release\\n\\nMSF teams treated 40 wounded.")
    False
    """
    for line in _LINES.findall(text[:_TITLE_CHARS]):
        line = line.strip()
        if (line and len(line) <= 160 and "|" not in line and not line.endswith((".", "!", "?"))
                and _STATEMENT_TITLE.search(line) and (_PARTY_IN_TITLE.search(line) or source_kind(line) == "party")):
            return True
    return False


def modality(sentence: Sentence, source: str | None = None, party_document: bool = False, *,
             act: tuple[int, int] | None = None, previous: str | None = None, since: int = 0) -> Modality:
    """Modality of the act the sentence reports. ``source`` is its attribution text, if known;
    ``act`` the act's trigger (sentence offsets): a denial after it denies something else
    (``said it hit a depot and denied targeting migrants``: the hit is claimed); ``previous``
    the source of the sentence before, which a pronoun speaker (``he said``) stands for; ``since`` where
    the act's own report starts: a denial before it denies another act (``denied the siege had been lifted
    and said its jets were pounding the town``: the pounding is claimed).

    Order: negated, then threatened / planned (only when no act is reported as
    done), then claimed (a party's statement, a claim of responsibility, blame),
    else asserted.

    >>> [modality(Sentence(s)) for s in ("The army denied shelling the village.", "Rebels vowed to attack Hama.")]
    ['negated', 'threatened']
    >>> modality(Sentence("The LNA said its jets hit a depot and denied targeting migrants."), act=(24, 27))
    'claimed'
    """
    text = sentence.text
    if any(_negates(m, text, act) for m in _NEGATED.finditer(text, since)):
        return "negated"
    realized = any(t.realized for t in sentence.triggers)
    if not realized:
        if _THREATENED.search(text):
            return "threatened"
        if _PLANNED.search(text):
            return "planned"
    claim, claimant = None, None
    for m in _CLAIM_WORD.finditer(text):
        if _PASSIVE_AUX.search(text, max(0, m.start() - 12), m.start()):
            continue
        rel = _RELATIVE_CLAIMANT.search(text, max(0, m.start() - _CLAIMANT_CHARS), m.start())
        if rel:  # "explosions that the group blamed on X": the relative clause's subject blames
            claim, claimant = m, rel.group("who")
            break
        if not _PASSIVE_CLAIM.match(text, m.start()):
            claim = m
            break
    phrase = None  # the source phrase as written: "LNA spokesman Ahmed al-Mismari" where the attribution is "LNA"
    if sentence.sources:
        found = sentence.sources[0]
        phrase = text[found.start:found.end]
        own = _contrasted_source(text, sentence.sources, act)
        if own is not None and (source is None or source not in text[own[0]:own[1]]):
            # "X said ..., while Y said its jets struck ...": the act's own side of the contrast has its source
            phrase = source = text[own[2].start:own[2].end]
    if source is None:
        source = phrase
    if previous and (_PRONOUN_SPEAKER.fullmatch(source.strip()) and not _ARMED_SPEAKER.fullmatch(source.strip())
                     if source else _PRONOUN_SAYS.search(text)):
        # "he added": the speaker named before; "the army said" names a party of its own, where "the group"
        # may be any organisation (a medical charity, a monitor) named before
        source = phrase = previous
    elif previous and source and phrase and source != phrase and _PRONOUN_SPEAKER.fullmatch(phrase.strip()) \
            and source_kind(source) == "unknown" and source_kind(previous) == "party":
        source = phrase = previous  # "the ministry said" where the actor is "ministry": the party named before
    kinds = {source_kind(x) for x in (source, phrase) if x}
    if sentence.sources and source and phrase == text[sentence.sources[0].start:sentence.sources[0].end] \
            and source in phrase:
        joined = _joined_sources(text, sentence.sources)
        if joined and source_kind(joined) == "neutral":
            kinds = {"neutral"}  # "according to rebels and the Observatory": the neutral source vouches
    if party_document and any(_OWN_REPORTER.search(x) for x in (source, phrase) if x):
        kinds = {"party"}  # a state outlet's "our correspondent in the field reported ..."
    if claim and not kinds and (claimant or claim.start() <= _CLAIMANT_CHARS):
        kinds = {source_kind(claimant or text[:claim.start()])}  # "Police commanders blamed X": who blames
    if kinds <= {"unknown"} and stating_party(text):
        kinds = {"party"}  # "JNIM, in a statement released through its media arm, said ..."
    if kinds == {"unknown"} and sentence.sources and source and phrase \
            and phrase == text[sentence.sources[0].start:sentence.sources[0].end]:
        described = _described_as(text, sentence.sources[0])
        if described:
            kinds = {described}  # "Ahmed Ali, governor of the province, said": the appositive tells who speaks
    kind = "party" if "party" in kinds else "neutral" if "neutral" in kinds else "unknown"
    if kind == "party" or (claim and kind != "neutral"):
        return "claimed"  # a neutral source's blame or attribution (a monitor's) is its finding
    if kind != "neutral" and (_PARTY_VOICE.search(text) or (party_document and source is None)):
        return "claimed"  # the party's own voice, in this sentence or in the whole statement
    if kind == "unknown" and source and _SAYS_OWN.search(text):
        return "claimed"  # an unclassified organisation reporting its own action
    return "asserted"


def _described_as(text: str, found: Source) -> SourceKind | None:
    """The kind of the appositive beside a named source (``X, governor of the province, said``,
    ``said X, the leader of a militia``, ``the provincial governor, X, said``), or None.

    >>> t = "Two died, said Ahmed Ali, the leader of a local militia."
    >>> _described_as(t, Source(15, 24, False))
    'party'
    """
    for m in (_APPOSITIVE_AFTER.match(text, found.end), _APPOSITIVE_BEFORE.search(text, 0, found.start)):
        if m and _ROLE_OPENER.match(m.group("app")) and not _VERB_LIKE.search(m.group("app")):
            kind = source_kind(m.group("app"))
            if kind != "unknown":
                return kind
    return None


def _contrasted_source(text: str, sources, act: tuple[int, int] | None):
    """``(start, end, source)``: the stretch of a sentence cut at a contrast (``, while``, ``, whereas``) that
    holds the act's word, and the first source in it, when the act's stretch is not the first one and
    has a source of its own; else None.

    >>> t = "Medics said ten died, while the army said its jets struck a depot."
    >>> from conflict_ner.events.sources import find_sources
    >>> _contrasted_source(t, find_sources(t), (t.index("struck"), t.index("struck") + 6))[2]
    Source(start=28, end=36, participant=True)
    """
    if act is None or len(sources) < 2:
        return None
    cuts = [m.end() for m in _CONTRAST.finditer(text)]
    if not cuts:
        return None
    start = max((c for c in cuts if c <= act[0]), default=0)
    if start == 0:
        return None
    end = min((c for c in cuts if c > act[0]), default=len(text))
    own = next((x for x in sources if start <= x.start < end), None)
    return (start, end, own) if own is not None else None


def _joined_sources(text: str, sources) -> str | None:
    """The first source phrase with the sources joined to it by ``and`` (``according to rebels and
    the Observatory``, ``a monitor and both sides said``), or None when it stands alone.

    >>> _joined_sources("Troops advanced, a monitor and both sides said.", [Source(31, 41, False)])
    'a monitor and both sides'
    """
    first = sources[0]
    start, end = first.start, first.end
    for nxt in sources[1:]:  # "according to X and to Y": the source finder reads both
        m = _AND_JOIN.fullmatch(text, end, nxt.start)
        if m is None:
            break
        end = nxt.end
    left = _LEFT_CONJUNCT.search(text, max(0, start - _CLAIMANT_CHARS), start)
    if left and not _VERB_LIKE.search(left.group("np")):
        start = left.start("np")  # "X and Y said": the subject finder stops at "and"
    return text[start:end] if (start, end) != (first.start, first.end) else None


def _negates(m: re.Match, text: str, act: tuple[int, int] | None) -> bool:
    """Whether a negation word ``m`` negates the act whose trigger is at ``act``. A denial after the
    act's word denies another act; "no casualties" after the act's word is the act's outcome (``a
    drone hit a house, causing damage but no casualties``: the hit happened), unlike "no one was
    hurt" alone.

    >>> t = "A drone hit a house, causing damage but no casualties."
    >>> [_negates(m, t, (8, 11)) for m in _NEGATED.finditer(t)], [_negates(m, t, None) for m in _NEGATED.finditer(t)]
    ([False], [True])
    """
    if act is None:
        return True
    if m.group("denial"):
        return m.start() < act[1]
    return not (m.group("outcome") and m.start() >= act[1])


def party_speaker(text: str) -> str | None:
    """The party that opens a sentence as the subject of a statement or claim verb the attribution
    missed (``The Guards said ...``, ``X, known as Y, claimed the attack``), whom a later ``it said``
    stands for; None when there is none.

    >>> party_speaker("The rebel alliance, known as the Front, claimed the attack on the base.")
    'The rebel alliance'
    >>> party_speaker("Rebels attacked the base, a monitor said.") is None
    True
    """
    m = _SPEAKER_VERB.search(text, 0, _CLAIMANT_CHARS + 40)
    if m is None:
        return None
    subject = text[:m.start()].split(",")[0].strip()
    if subject and not _CLAUSE_WORD.search(subject) and not _SUBJECT_VERB.search(subject) \
            and source_kind(subject) == "party":
        return subject
    return None


def stating_party(text: str) -> bool:
    """Whether a sentence opens with a party as the subject of a statement verb (``announced``,
    ``published video``, ``said``), a source the attribution missed: the words before the verb up
    to the first comma name it, so an appositive (``X, in a statement released ..., said``) or a
    description (``X, known as Y``) does not hide it, and an earlier clause does not lend it one.

    >>> stating_party("JNIM, in a statement released through its media arm, said its fighters killed 300.")
    True
    >>> stating_party("Gwoza was captured by Boko Haram in 2014, when Shekau declared a caliphate.")
    False
    """
    m = _STATEMENT_VERB.search(text, 0, _CLAIMANT_CHARS + 40)
    if m is None:
        return False
    subject = text[:m.start()].split(",")[0].strip()
    return bool(subject) and not _CLAUSE_WORD.search(subject) and not _SUBJECT_VERB.search(subject) \
        and source_kind(subject) == "party"


def source_kind(source: str) -> SourceKind:
    """Whether a source phrase names a party to the fighting or a neutral source.

    Party words win when both occur in one name ("Hamas-run health ministry"); a source
    that joins a neutral one to a party ("state media and a war monitor") is neutral: the
    neutral source vouches for the report. Officials of a state named by its demonym
    ("Turkish officials", "US officials") speak for its government (section 3), as do its
    governors and its health ministry, unlike local, health or hospital officials.

    >>> source_kind("the Defence Ministry"), source_kind("a hospital official"), source_kind("Ahmed Ali")
    ('party', 'neutral', 'unknown')
    >>> source_kind("state media and a war monitor"), source_kind("Turkish officials")
    ('neutral', 'party')
    """
    kinds = [_kind_of_one(part) for part in _CONJUNCTS.split(source) if part.strip()]
    if "neutral" in kinds:
        return "neutral"
    return "party" if "party" in kinds else "unknown"


def _kind_of_one(source: str) -> SourceKind:
    if any(p.search(source) for p in (_PARTY, _STATE_OFFICIALS, _RANK, _OFFICE_HOLDER, _OFFICERS)):
        return "party"
    if _NEUTRAL.search(source) or _NEUTRAL_BODY.search(source):
        return "neutral"
    return _named_kind(source)


def _named_kind(source: str) -> SourceKind:
    """A named source the word lists miss, by the actor table (``AA``, ``JNIM``: armed groups, parties;
    a body of type Source, such as a monitor or an outlet, is neutral)."""
    from conflict_ner.actors.table import default_table  # the table loads once, on the first named source

    name = _LEADING_ARTICLE.sub("", source.strip())
    entries = default_table().candidates(name) if name else []
    if any(e.inter in _PARTY_INTER or e.state in ("military", "government") for e in entries):
        return "party"
    if entries and all(e.actor_type == "Source" for e in entries):
        return "neutral"
    return "unknown"
