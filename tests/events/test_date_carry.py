"""A record without a date of its own: which earlier date it takes, and the words that move it."""

from __future__ import annotations

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.date_carry import DateCarry
from conflict_ner.events.date_shifts import VAGUE, shift_of, shifted
from conflict_ner.records import EventDate
from tests.events.conftest import locate

PUB = "2024-03-12"  # a Tuesday

ROUNDUP = ("Rebels shelled Hama on March 3. Troops ambushed a convoy near Homs.\n\n"
           "On March 9, militants attacked a checkpoint in Idlib. Gunmen killed two guards.\n\n"
           "Drones struck Ariha.")
ROUNDUP_SPANS = [("DATE", "March 3"), ("DATE", "March 9")]


@pytest.mark.parametrize("mode, dates", [
    ("recent", ["2024-03-03", "2024-03-03", "2024-03-09", "2024-03-09", "2024-03-09"]),
    ("paragraph", ["2024-03-03", "2024-03-03", "2024-03-09", "2024-03-09", "2024-03-03"]),
    ("document", ["2024-03-03", "2024-03-03", "2024-03-09", "2024-03-03", "2024-03-03"]),
])
def test_a_roundup_moving_from_one_date_to_the_next(entities, mode, dates):
    recs = build_records(ROUNDUP, entities(ROUNDUP, ROUNDUP_SPANS), PUB, carry=mode)
    assert [r.date.value for r in recs] == dates


def test_the_default_is_the_most_recent_act_date_and_says_it_was_carried(entities):
    recs = build_records(ROUNDUP, entities(ROUNDUP, ROUNDUP_SPANS), PUB)
    assert [r.date.source for r in recs] == ["text", "carried", "text", "carried", "carried"]
    assert recs[-1].date == EventDate("2024-03-09", "day", "March 9")


def test_a_date_from_publication_says_so(entities):
    text = "Rebels shelled Hama."
    rec = build_records(text, [], PUB)[0]
    assert rec.date == EventDate(PUB, "unknown", None) and rec.date.source == "publication"


def test_a_reporting_date_does_not_carry(entities):
    text = "Rebels shelled Hama on March 3. The army said on Monday that troops killed 5 rebels. Drones struck Ariha."
    recs = build_records(text, entities(text, [("DATE", "March 3"), ("DATE", "Monday")]), PUB)
    assert [r.date.text for r in recs] == ["March 3", "March 3", "March 3"]


def test_a_running_total_neither_takes_nor_gives_a_date(entities):
    text = ("Jets struck Aleppo on Monday. So far, 185 people have been killed, the toll of Saturday's fighting. "
            "Troops shelled Hama.")
    spans = [("DATE", "Monday"), ("COUNT", "185"), ("DATE", "Saturday")]
    recs = build_records(text, entities(text, spans), PUB)
    assert recs[1].counts[0].cumulative
    assert [r.date.value for r in recs] == ["2024-03-11", PUB, "2024-03-11"]


def test_a_lede_without_an_act_still_dates_the_story(entities):
    # the rules find no act in "launched an operation": its date still carries to what follows
    text = "On Saturday, the army launched an operation against Daesh.\n\nArtillery struck dozens of positions."
    recs = build_records(text, entities(text, [("DATE", "Saturday")]), PUB)
    assert [r.date.text for r in recs] == ["Saturday"]


@pytest.mark.parametrize("sentence, shift", [
    ("Hours later, gunmen attacked a second village.", 0),
    ("On the same day, a bomb exploded in Mogadishu.", 0),
    ("By the evening, troops had retaken the town.", 0),
    ("Later that day, a drone struck a car.", 0),
    ("The next day, rebels shelled the town.", 1),
    ("A day later, a bomb went off.", 1),
    ("The day before, troops withdrew from the town.", -1),
    ("Days later, a bomb exploded.", VAGUE),
    ("Two weeks earlier, militants had raided the camp.", VAGUE),
    # a span of time, not a day: the record is dated by publication
    ("The monitor said 280 civilians had been killed in the offensive.", VAGUE),
    ("During the battle our forces killed 2,000 terrorists.", VAGUE),
    ("Jets pounded the villages for weeks before troops closed in.", VAGUE),
    ("In the past 72 hours, drones struck convoys.", VAGUE),
    ("MSF reported 1,000 dead in the first two weeks alone.", VAGUE),
    ("Fighters were killed in the week-long battle for the town.", VAGUE),
    # the present or present perfect speaks of now
    ("Ankara denies targeting civilians.", VAGUE),
    ("The fighting has displaced hundreds of thousands of people.", VAGUE),
    ("Ukraine says it has captured hundreds of soldiers.", VAGUE),
    # a present passive too ("are intercepted", "are stationed"), but not a relative clause, nor "IS"
    ("Officials say most of the rockets are intercepted over the Golan.", VAGUE),
    ("Its troops are now stationed along the border, the ministry said.", VAGUE),
    ("The monitor, which is based in London, said 12 were killed.", False),
    ("IS claimed the bombing through its news agency.", False),
    ("The raids appeared to have been organised by a little-known group.", False),
    ("Up to 2,000 people may have been killed, Amnesty said.", False),
    # ... but a day's operation or the past 24 hours keep the story's day (as the gold does)
    ("During the operation, troops seized two rifles.", False),
    ("Jets flew 141 sorties over the previous 24 hours.", False),
    ("The massacre came two days after the raid.", False),  # dated by the raid, not by the story
    # a denial in the present perfect answers for the story's act, so it keeps the story's day
    ("The TPLF has denied any involvement.", False),
    # so does a claim not made: "no group has claimed" speaks of the story's act
    ("No group has claimed responsibility for the attack.", False),
    # a live page's entry narrates its hour in the present
    ("11:05 \u2014 The health minister says 21 people were killed in the attack.", False),
    ("11:05 \u2014 The minister says 21 people were killed in the offensive.", VAGUE),
    # "since" opens a period: a running total or what happened over it, not the story's day
    ("The Observatory said 130 soldiers had been killed since then.", VAGUE),
    ("Since the summer, the army has made growing use of drones.", VAGUE),
    # a bulletin's tally line totals its period
    ("Civilians killed: 1,093 (287 children).", VAGUE),
    ("- SDF fighters killed: at least 560", VAGUE),
    ("Latakia: jets supported army units near the border.", False),
    ("Rebels shelled the town.", False),
    # a present verb in a relative clause or a figure's "that" clause tells of the place or the
    # figure, not of the act: the carried date stays
    ("Mortars hit two villages, where the militia still holds the crossroads.", False),
    ("The ministry said 40 rebels were killed, a toll that the group has not confirmed.", False),
    ("Gunmen who fled the town have regrouped in the hills.", False),
])
def test_shift_words(sentence, shift):
    assert shift_of(sentence) is shift if shift in (False, VAGUE) else shift_of(sentence) == shift


def test_a_shift_moves_a_day_but_not_a_week():
    monday, week = EventDate("2024-03-11", "day", "Monday"), EventDate("2024-03-04", "week", "last week")
    assert shifted(monday, "The next day, jets struck.", None) == EventDate("2024-03-12", "day", "Monday")
    assert shifted(monday, "The day before, jets struck.", None).end == "2024-03-10"
    assert shifted(week, "The next day, jets struck.", None) == week  # no day to move
    assert shifted(monday, "Days later, jets struck.", None) == EventDate(None, "unknown", None)


@pytest.mark.parametrize("sentence, end", [
    ("Within days, the insurgents had overrun six villages.", "2024-03-17"),
    ("Within 48 hours, the columns had stormed the airbase.", "2024-03-13"),
    ("Dozens of fighters were killed in the following days.", "2024-03-17"),
    ("The monitor counted 90 soldiers killed over the same period.", "2024-03-17"),
])
def test_a_few_days_from_the_carried_day_give_it_week_precision(sentence, end):
    monday = EventDate("2024-03-11", "day", "Monday")
    assert shifted(monday, sentence, None) == EventDate("2024-03-11", "week", "Monday", "2024-03-11", end, "carried")


def test_a_few_days_carry_on_with_week_precision(entities):
    text = ("Rebels attacked the border post on Monday. Within 48 hours they had seized three hamlets. "
            "Residents said five farmers were killed.")
    recs = build_records(text, entities(text, [("DATE", "Monday"), ("COUNT", "five")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [
        ("2024-03-11", "day"), ("2024-03-11", "week"), ("2024-03-11", "week")]


def test_shift_words_in_a_document(entities):
    text = ("Rebels shelled Hama on Monday. The next day, troops ambushed a convoy. Hours later, a bomb exploded. "
            "Days later, gunmen attacked a checkpoint.")
    recs = build_records(text, entities(text, [("DATE", "Monday")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [
        ("2024-03-11", "day"), ("2024-03-12", "day"), ("2024-03-12", "day"), (PUB, "unknown")]
    assert [r.date.source for r in recs] == ["text", "carried", "carried", "publication"]


def test_the_carry_modes_are_checked():
    with pytest.raises(ValueError, match="date carry mode"):
        DateCarry("sentence")  # type: ignore[arg-type]


RETRO = ("Militants shelled Kobani on 16 September 2014.\n\n"
         "On 27 September, coalition jets struck militant positions.\n\n"
         "In January, Kurdish fighters retook the town.")


def test_a_retrospective_dates_yearless_days_in_its_own_years(entities):
    spans = [("DATE", "16 September 2014"), ("DATE", "27 September"), ("DATE", "January")]
    recs = build_records(RETRO, entities(RETRO, spans), "2016-01-21")
    assert [r.date.value for r in recs] == ["2014-09-16", "2014-09-27", "2015-01-01"]


def test_news_keeps_yearless_days_before_publication(entities):
    # the first act date is recent: "27 September" is the latest one before publication
    text = RETRO.replace("16 September 2014", "16 September 2015")
    spans = [("DATE", "16 September 2015"), ("DATE", "27 September"), ("DATE", "January")]
    recs = build_records(text, entities(text, spans), "2015-10-20")
    assert [r.date.value for r in recs] == ["2015-09-16", "2015-09-27", "2015-01-01"]


def test_a_chronology_s_date_line_dates_what_follows(entities):
    text = ("Rebels shelled Kabani on July 8.\n\n"
            "July 9. Troops seized two positions on the slope.\n\n"
            "July 10. Jets struck Bdama. Artillery shelled Ziyadiya.")
    spans = [("DATE", "July 8"), ("DATE", "July 9"), ("DATE", "July 10")]
    recs = build_records(text, entities(text, spans), "2019-07-15")
    assert [r.date.value for r in recs] == ["2019-07-08", "2019-07-09", "2019-07-10", "2019-07-10"]
    assert [r.date.source for r in recs] == ["text", "carried", "carried", "carried"]


def test_a_date_in_a_sentence_without_an_act_does_not_move_the_story(entities):
    text = "Rebels shelled Hama on July 8. The talks resumed on July 9 in Geneva. Jets struck Ariha."
    spans = [("DATE", "July 8"), ("DATE", "July 9")]
    recs = build_records(text, entities(text, spans), "2019-07-15")
    assert [r.date.value for r in recs] == ["2019-07-08", "2019-07-08"]


def test_background_with_an_older_date_does_not_date_the_sentences_after_it(entities):
    text = ("A suicide bomber struck the airport gate on Thursday. "
            "The Taliban, who seized Kabul on Aug. 15, condemned the attack on the gate. "
            "Eighteen other service members were wounded at the gate.")
    spans = [("DATE", "Thursday"), ("DATE", "Aug. 15")]
    recs = build_records(text, entities(text, spans), "2021-08-27")
    assert [r.date.value for r in recs] == ["2021-08-26", "2021-08-15", "2021-08-26"]


def test_a_date_a_few_days_before_the_latest_is_still_the_story_s(entities):
    # the lede's aftermath is Tuesday; Monday's strike, a day earlier, dates what follows it
    text = ("Rescuers searched the rubble in Kyiv on Tuesday. Missiles struck a hospital on Monday. "
            "Two adults were killed at the hospital.")
    spans = [("DATE", "Tuesday"), ("DATE", "Monday")]
    recs = build_records(text, entities(text, spans), "2024-07-09")
    assert [r.date.value for r in recs][-2:] == ["2024-07-08", "2024-07-08"]


def test_a_stale_background_year_does_not_move_recent_yearless_days(entities):
    # a feature opening on a years-old date: "November 27" is last month's, not 2019's
    text = "Jets struck Idlib in March 2020.\n\nIn one attack on November 27, a drone hit a tractor near Qmenas."
    recs = build_records(text, entities(text, [("DATE", "March 2020"), ("DATE", "November 27")]), "2023-12-14")
    assert [r.date.value for r in recs] == ["2020-03-01", "2023-11-27"]


def test_a_year_alone_dates_its_own_sentence_only(entities):
    # "in 2024" is too coarse to date the story: the sentences after it keep the story's day
    text = ("ADF fighters killed 38 villagers near Beni on 10 June. "
            "In 2024, the group has killed hundreds in Lubero. Militias looted shops in Butembo.")
    recs = build_records(text, entities(text, [("DATE", "10 June"), ("DATE", "2024")]), "2024-06-17")
    assert [(r.date.value, r.date.precision) for r in recs] == [
        ("2024-06-10", "day"), ("2024-01-01", "year"), ("2024-06-10", "day")]
    text = "In 2024, the group has killed hundreds in Lubero. Militias looted shops in Butembo."
    recs = build_records(text, entities(text, [("DATE", "2024")]), "2024-06-17")
    assert recs[-1].date.source == "publication"


def test_news_that_opens_on_a_recent_date_is_no_retrospective():
    # the first act date names its year and is long past, but the story opens on a date of this
    # month (a period's start): a yearless month is this year's, not the background year's
    text = ("Militiamen have shot 40 prisoners since troops entered the town on June 5. "
            "The rebels launched their offensive in spring 2019. "
            "Government forces retook the coastal towns in April.")
    spans = [("DATE", "June 5"), ("DATE", "spring 2019"), ("DATE", "April")]
    recs = build_records(text, locate(text, spans), "2020-06-12")
    assert recs[-1].date.value == "2020-04-01"
    # a page that opens on the old date still follows its narrative's year
    text = text[text.index("The rebels"):]
    recs = build_records(text, locate(text, spans[1:]), "2020-06-12")
    assert recs[-1].date.value == "2019-04-01"
