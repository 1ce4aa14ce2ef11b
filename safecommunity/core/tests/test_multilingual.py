"""An organiser writes an event title in English and Vietnamese; visitors read it in theirs, or the best there is."""

from __future__ import annotations

from django import forms
from django.test import override_settings
from django.utils import translation

from safecommunity.core.encryption import lookup_hash
from safecommunity.core.multilingual import MultilingualField, languages_of, text_and_language, text_in

TITLE = {"en": "Know your rights", "vi": "Biết quyền của bạn"}


class TitleForm(forms.Form):
    title = MultilingualField(max_length=40)
    notes = MultilingualField(multiline=True, required=False)


def test_a_vietnamese_reader_gets_the_vietnamese_title() -> None:
    assert text_in(TITLE, "vi") == "Biết quyền của bạn"


def test_a_korean_reader_gets_the_english_title_marked_as_english() -> None:
    assert text_and_language(TITLE, "ko") == ("Know your rights", "en")


def test_the_page_language_is_used_when_none_is_given() -> None:
    with translation.override("vi"):
        assert text_in(TITLE) == "Biết quyền của bạn"


def test_a_text_written_only_in_hmong_is_shown_to_everyone() -> None:
    assert text_and_language({"hmn": "Paub koj txoj cai"}, "es") == ("Paub koj txoj cai", "hmn")


def test_languages_follow_the_sites_order() -> None:
    assert languages_of({"vi": "x", "en": "y", "ar": " "}) == ["en", "vi"]


def test_the_form_keeps_every_language_typed_and_drops_empty_ones() -> None:
    form = TitleForm(data={"title_0": " Know your rights ", "title_5": "Biết quyền của bạn", "title_1": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == TITLE
    assert form.cleaned_data["notes"] == {}


def test_a_title_in_no_language_is_refused_with_a_sentence() -> None:
    form = TitleForm(data={})
    assert not form.is_valid()
    assert form.errors["title"] == ["Write this in at least one language."]


def test_a_too_long_title_is_refused_and_the_text_stays_in_the_form() -> None:
    form = TitleForm(data={"title_0": "x" * 41})
    assert not form.is_valid()
    assert "x" * 41 in str(form["title"])


def test_other_languages_open_when_they_hold_text() -> None:
    assert '<details class="multilingual-more" open>' in str(TitleForm(initial={"title": TITLE})["title"])
    assert '<details class="multilingual-more">' in str(TitleForm(initial={"title": {"en": "x"}})["title"])


def test_each_language_box_is_labelled_in_its_own_language_and_direction() -> None:
    html = str(TitleForm()["title"])
    assert 'lang="ar" dir="rtl"' in html
    assert "ਪੰਜਾਬੀ" in html


def test_an_email_is_found_by_its_lookup_hash_whatever_its_case() -> None:
    assert lookup_hash(" Mai@Example.org ") == lookup_hash("mai@example.org")
    assert lookup_hash("mai@example.org") != lookup_hash("tam@example.org")
    assert lookup_hash("  ") == ""


def test_the_lookup_hash_is_keyed_so_it_cannot_be_guessed_without_the_sites_secret() -> None:
    ours = lookup_hash("mai@example.org")
    with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
        assert lookup_hash("mai@example.org") != ours
