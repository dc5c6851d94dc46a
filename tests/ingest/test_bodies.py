"""Tests of ministries written in lower case with their country (ingest/bodies.py)."""

from __future__ import annotations

import pytest

from newsgraph.ingest.bodies import ministry_of_form
from tests.ingest.parses import read_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive country
        ("Japan's transport ministry ordered Acme Motors to submit a report.",
         {("Japan", "Country"), ("Acme Motors", "Organisation"),
          ("Japanese Transport Ministry", "Organisation")}),
        # a nationality word
        ("The French foreign ministry protested against the ban.",
         {("France", "Country"), ("French Foreign Ministry", "Organisation")}),
        # "the" alone: the country that is the subject of a clause just before
        ("Mexico has begun seeking a larger role for investors. The finance ministry "
         "unveiled a new fund for energy projects.",
         {("Mexico", "Country"), ("Mexican Finance Ministry", "Organisation")}),
        # whose it is the text does not say: no entity
        ("Acme Corp said sales rose. The finance ministry unveiled a new fund.",
         {("Acme Corp", "Organisation")}),
        # a company's department is no ministry
        ("The sales department of Acme Corp said the company's plans were fine.",
         {("Acme Corp", "Organisation")}),
    ],
)
def test_lower_case_ministries(nlp, text, expected):
    assert read_entities(nlp, text) == expected


def test_the_other_name_of_a_ministry_of_a_field():
    assert ministry_of_form("Acmean Trade and Industry Ministry") == \
        "Acmean Ministry of Trade and Industry"
    assert ministry_of_form("Acmean Foreign Ministry") == "Acmean Ministry of Foreign Affairs"
    assert ministry_of_form("Acme Ministry") is None


def test_a_ministry_a_possessive_names_has_its_other_name(nlp):
    entities = {(e.name, e.aliases) for e in nlp(
        "Acme Corp was fined. China's Justice Ministry said so.")._.ng_entities}
    assert ("Chinese Justice Ministry", ("Chinese Ministry of Justice",)) in entities


def test_a_lower_case_ministry_has_its_country_and_other_name(nlp):
    entities = {(e.name, e.aliases) for e in nlp(
        "South Korea's finance ministry said tariffs would be cut. The ministry said "
        "so.")._.ng_entities}
    assert ("South Korean Finance Ministry", ("South Korean Ministry of Finance",)) in entities
