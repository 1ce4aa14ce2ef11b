"""A reporter who reads Hmong, Arabic or Punjabi meets no English on the way through."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / translation.to_locale(code) / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_is_translated(code: str) -> None:
    po = catalogue(code)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder(code: str) -> None:
    broken = []
    for entry in catalogue(code).translated_entries():
        if not entry.msgstr_plural:
            wanted = sorted(PLACEHOLDER.findall(entry.msgid))
            broken += [entry.msgid] if sorted(PLACEHOLDER.findall(entry.msgstr)) != wanted else []
            continue
        # A plural form may name the count or not ("One item" / "%(counter)s items"); it may not invent one.
        allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
        broken += [
            entry.msgid for text in entry.msgstr_plural.values() if not set(PLACEHOLDER.findall(text)) <= allowed
        ]
    assert not broken, f"{code}: placeholders differ in {broken[:5]}"


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("path", ["", "report/", "follow-up/", "get-help/"])
def test_each_public_page_is_served_in_each_language(client: Client, code: str, path: str) -> None:
    response = client.get(f"/{code}/{path}")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html
    with translation.override(code):
        expected = translation.gettext("Report an incident")
    assert expected in html
    if code != "en":
        assert "Report an incident" not in html, f"English left on /{code}/{path}"
