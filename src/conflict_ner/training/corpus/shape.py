"""How much the corpus looks like the news pages analysts collect (issue 17): a report.

>>> from conflict_ner.text.document import Document
>>> doc = Document("d", 'Rebels said: \u201cWe hold the town.\u201d The army denied it.', [], meta={"theatre": "Syria"})
>>> s = corpus_shape([doc])
>>> s.documents, s.median_tokens, s.syria_documents, s.quoted_sentence_share, s.curly_quote_share
(1, 10, 1, 0.5, 1.0)
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from conflict_ner.text.document import Document
from conflict_ner.text.repair import repair_text
from conflict_ner.text.sentences import split_sentences
from conflict_ner.text.words import words
from conflict_ner.training.corpus.conventions import furniture_lines

LONG_DOCUMENT = 25  # sentences
_CURLY = "\u2018\u2019\u201c\u201d"
_STRAIGHT = "'\""
_DOUBLE = "\"\u201c\u201d"
_UNCURL = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def has_mojibake(text: str) -> bool:
    """True when text repair changes more than the quote marks it straightens."""
    return repair_text(text).text != text.translate(_UNCURL)


@dataclass(frozen=True)
class CorpusShape:
    documents: int
    median_tokens: float
    long_document_share: float    # documents with LONG_DOCUMENT sentences or more
    web_pages: int                # documents with the header `source: web`
    furniture_char_share: float   # characters on page-furniture lines (as far as the text tells)
    mojibake_documents: int
    curly_quote_share: float      # curly among all quote marks and apostrophes
    quoted_sentence_share: float  # sentences holding a double quote mark
    syria_documents: int

    def lines(self) -> list[str]:
        return [
            f"  documents                      {self.documents}",
            f"  median tokens per document     {self.median_tokens:g}",
            f"  {f'documents with {LONG_DOCUMENT}+ sentences':<31}{self.long_document_share:.1%}",
            f"  web pages (source: web)        {self.web_pages}",
            f"  furniture share of characters  {self.furniture_char_share:.1%}",
            f"  documents with mojibake        {self.mojibake_documents}",
            f"  curly share of quote marks     {self.curly_quote_share:.1%}",
            f"  sentences with a quote         {self.quoted_sentence_share:.1%}",
            f"  Syria documents                {self.syria_documents}",
        ]


def corpus_shape(docs: list[Document]) -> CorpusShape:
    """Measure the corpus (see :class:`CorpusShape`)."""
    tokens, long_docs, chars, furniture, curly, straight, sentences, quoted = [], 0, 0, 0, 0, 0, 0, 0
    for doc in docs:
        text = doc.text
        tokens.append(len(words(text)))
        sents = split_sentences(text)
        long_docs += len(sents) >= LONG_DOCUMENT
        sentences += len(sents)
        quoted += sum(any(c in _DOUBLE for c in text[s:e]) for s, e in sents)
        chars += len(text)
        furniture += sum(e - s for s, e in furniture_lines(doc))
        curly += sum(text.count(c) for c in _CURLY)
        straight += sum(text.count(c) for c in _STRAIGHT)
    n = len(docs)
    return CorpusShape(
        documents=n,
        median_tokens=statistics.median(tokens) if tokens else 0,
        long_document_share=long_docs / n if n else 0.0,
        web_pages=sum(doc.meta.get("source") == "web" for doc in docs),
        furniture_char_share=furniture / chars if chars else 0.0,
        mojibake_documents=sum(has_mojibake(doc.text) for doc in docs),
        curly_quote_share=curly / (curly + straight) if curly + straight else 0.0,
        quoted_sentence_share=quoted / sentences if sentences else 0.0,
        syria_documents=sum(doc.meta.get("theatre") == "Syria" for doc in docs),
    )
