"""PDFs the organisers upload: checked from their content (never the name or the browser's claim), kept under
``PRIVATE_STORAGE_ROOT`` (which no URL serves) and handed out only through the counting download view."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from pypdf import PdfReader

from safecommunity.core.files import UNREADABLE, PasswordProtected, rebuilt_pdf

STORAGE_DIRECTORY = "resources"


@dataclass(frozen=True)
class CheckedPdf:
    content: bytes
    page_count: int


def max_bytes() -> int:
    return int(settings.RESOURCES_MAX_PDF_BYTES)


def check_pdf(upload: UploadedFile) -> CheckedPdf:
    """The upload rebuilt without its metadata or scripts (``core.files``) when it is a readable PDF within the size
    limit, else a translated ``ValidationError``: the library hands it to anyone who asks."""
    name = upload.name or "upload"
    limit = max_bytes()
    too_large = ValidationError(
        _("“%(name)s” is larger than %(limit)s MB. Please upload a smaller PDF.")
        % {"name": name, "limit": limit // (1024 * 1024)},
        code="file_too_large",
    )
    if upload.size is not None and upload.size > limit:
        raise too_large
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_large
    not_pdf = ValidationError(
        _("“%(name)s” is not a PDF. Please upload a PDF file, or give a link instead.") % {"name": name},
        code="not_pdf",
    )
    if not data.startswith(b"%PDF-"):
        raise not_pdf
    try:
        content = rebuilt_pdf(data)
        page_count = len(PdfReader(io.BytesIO(content)).pages)
    except PasswordProtected as exc:
        raise ValidationError(
            _("“%(name)s” is protected with a password. Please upload a copy without a password.") % {"name": name},
            code="encrypted_pdf",
        ) from exc
    except UNREADABLE as exc:
        raise not_pdf from exc
    if page_count < 1:
        raise not_pdf
    return CheckedPdf(content=content, page_count=page_count)


def _path_for(storage_name: str) -> Path:
    return Path(settings.PRIVATE_STORAGE_ROOT) / storage_name


def store_pdf(content: bytes) -> str:
    token = uuid.uuid4().hex
    storage_name = f"{STORAGE_DIRECTORY}/{token[:2]}/{token}.pdf"
    path = _path_for(storage_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return storage_name


def stored_path(storage_name: str) -> Path | None:
    if not storage_name.startswith(f"{STORAGE_DIRECTORY}/") or ".." in storage_name:
        return None
    path = _path_for(storage_name)
    return path if path.is_file() else None


def delete_stored(storage_name: str) -> None:
    if storage_name:
        _path_for(storage_name).unlink(missing_ok=True)
