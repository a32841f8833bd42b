from __future__ import annotations

import pytest

from conflict_ner.events.furniture import is_furniture


@pytest.mark.parametrize("line", [
    "By Jane Doe",
    "By Jane Doe and John Roe, Reuters",
    "Reporting by Jane Doe; Editing by John Roe",
    "Published 14 March 2023 | Updated 15 March 2023",
    "Last updated: 14 March 2023 10:32 GMT",
    "14 March 2023",
    "Monday, March 14, 2023",
    "Region: Middle East",
    "Theme: Armed conflict",
    "Share this article",
    "Donate now",
    "Subscribe to our newsletter for daily updates.",
    "\u00a9 2024 Reuters. All rights reserved.",
    "Copyright 2023 The Daily Example",
    "The views expressed in this article are the author's own.",
    "Related: Rebels seize town in Idlib",
    "Read more: Drone strike kills 12",
    "Photo: Smoke rises over Idlib / AFP",
    "Image: Getty Images",
    "A fighter walks past rubble. REUTERS/Jane Doe",
    "We use cookies to improve your experience.",
    "Advertisement",
])
def test_furniture(line):
    assert is_furniture(line) is True


@pytest.mark.parametrize("sentence", [
    "Rebels shelled Hama on Monday, killing four civilians.",
    "By Monday, rebels had retreated from the town.",
    "Save the Children said 12 children died in the strike.",
    "Search for survivors continues after airstrike",
    "The photo showed smoke rising over the city.",
    "Shares of the arms maker rose after the attack.",
    "Published reports said militants attacked the base.",
    "The UN said 12 people were killed in March 2023.",
])
def test_article_text_is_not_furniture(sentence):
    assert is_furniture(sentence) is False


def test_a_long_sentence_is_article_text_even_with_a_furniture_phrase():
    body = "militants attacked the village and killed four civilians " * 10
    assert is_furniture("All rights reserved " + body[:100])
    assert not is_furniture(body + "All rights reserved " + body)
