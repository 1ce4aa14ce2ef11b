"""Nothing a reporter tells us can be read from a raw copy of the database or the attachment store."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from PIL import Image

from safecommunity.reports.attachments import CleanFile, read_decrypted
from safecommunity.reports.models import Attachment, Report
from safecommunity.reports.services import report_submit
from safecommunity.reports.tests.factories import a_draft

pytestmark = pytest.mark.django_db

SECRETS = {
    "contact_name": "Nguyen Thi Lan",
    "contact_email": "lan.nguyen.reporter@example.org",
    "contact_phone": "+1 916 555 0142",
    "description": "He pushed my mother off the bench at Florin Road and Stockton",
    "place": "7201 Stockton Boulevard, Sacramento",
    "police_report_number": "SPD-2026-448812",
}
ROOT = Path(__file__).resolve().parents[3]


def a_report_full_of_personal_data() -> Report:
    draft = a_draft(may_contact=True, contact_methods=["email", "phone"], **SECRETS)
    return report_submit(draft=draft, language="vi").report


def raw_dump() -> str:
    """Every value of every table, as a database dump would hold it."""
    parts: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_a_database_dump_holds_no_contact_details_description_or_address() -> None:
    report = a_report_full_of_personal_data()
    dump = raw_dump()
    for value in SECRETS.values():
        assert value not in dump
    # The application itself still reads them back.
    again = Report.objects.get(pk=report.pk)
    assert again.contact_email == SECRETS["contact_email"]
    assert again.description == SECRETS["description"]


@pytest.mark.slow
def test_the_sqlite_database_file_holds_no_personal_data(tmp_path: Path) -> None:
    """The real thing: a database file on disk, written by the product's own commands."""
    env = {**os.environ, "SAFECOMMUNITY_VAR_DIR": str(tmp_path), "SAFECOMMUNITY_ENV": "development"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    script = (
        "from safecommunity.reports.tests.test_privacy_at_rest import a_report_full_of_personal_data;"
        "a_report_full_of_personal_data()"
    )
    subprocess.run([*manage, "shell", "-c", script], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "shell", "-c", "from django.db import connection; connection.cursor().execute('PRAGMA wal_checkpoint(TRUNCATE)')"], env=env, check=True, cwd=ROOT)  # fmt: skip
    raw = b"".join(path.read_bytes() for path in tmp_path.glob("db.sqlite3*"))
    assert b"reports_report" in raw
    for value in SECRETS.values():
        assert value.encode() not in raw


def test_attachments_are_stored_encrypted(settings, tmp_path: Path) -> None:
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    photo = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(photo, format="JPEG")
    content = photo.getvalue()
    report_submit(draft=a_draft(), attachments=[CleanFile("image", "image/jpeg", content)])
    stored = Attachment.objects.get()
    on_disk = (tmp_path / stored.storage_name).read_bytes()
    assert content not in on_disk and b"JFIF" not in on_disk
    assert read_decrypted(stored.storage_name) == content


def test_key_rotation_re_encrypts_everything_so_the_old_key_can_go(settings, tmp_path: Path) -> None:
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old_key]):
        report = a_report_full_of_personal_data()
        report_submit(draft=a_draft(), attachments=[CleanFile("pdf", "application/pdf", b"%PDF-1.4 tiny")])
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, old_key]):
        out = io.StringIO()
        call_command("rotate_encryption_keys", stdout=out)
        assert "with the newest key" in out.getvalue()
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):
        again = Report.objects.get(pk=report.pk)
        assert again.contact_phone == SECRETS["contact_phone"]
        assert again.place == SECRETS["place"]
        assert read_decrypted(Attachment.objects.get().storage_name) == b"%PDF-1.4 tiny"


def test_bulk_updates_keep_values_encrypted_and_readable() -> None:
    report = a_report_full_of_personal_data()
    report.description = "Updated account: the same man came back the next day."
    Report.objects.bulk_update([report], ["description"])
    assert Report.objects.get(pk=report.pk).description == "Updated account: the same man came back the next day."
    assert "came back the next day" not in raw_dump()
