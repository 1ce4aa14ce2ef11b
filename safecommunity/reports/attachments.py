"""Accepting files from the public safely.

The real type is read from the content (never the name or the browser's
claim); images are decoded and re-encoded, which drops every piece of
metadata (EXIF with GPS, XMP, IPTC, comments); PDFs are rebuilt page by page
without their document information, XMP or scripts. The cleaned bytes are
stored encrypted under ``PRIVATE_STORAGE_ROOT``, which no URL serves.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from safecommunity.core.encryption import decrypt_bytes, encrypt_bytes
from safecommunity.core.files import UNREADABLE, PasswordProtected, rebuilt_pdf, reencoded_image

IMAGE_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF"})


@dataclass(frozen=True)
class CleanFile:
    kind: str
    content_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _unsupported(name: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is not a photo or a PDF we can accept. Please send a JPEG, PNG or WebP photo, or a PDF.")
        % {"name": name},
        code="unsupported_file",
    )


def clean_image(data: bytes, name: str) -> CleanFile:
    try:
        content_type, content = reencoded_image(data, formats=IMAGE_FORMATS)
    except UNREADABLE as exc:
        raise _unsupported(name) from exc
    return CleanFile("image", content_type, content)


def clean_pdf(data: bytes, name: str) -> CleanFile:
    try:
        content = rebuilt_pdf(data)
    except PasswordProtected as exc:
        raise ValidationError(
            _("“%(name)s” is protected with a password. Please send a copy without a password.") % {"name": name},
            code="encrypted_pdf",
        ) from exc
    except UNREADABLE as exc:
        raise _unsupported(name) from exc
    return CleanFile("pdf", "application/pdf", content)


def clean_upload(upload: UploadedFile) -> CleanFile:
    name = upload.name or "upload"
    if upload.size is not None and upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s MB. Please send a smaller file.")
            % {"name": name, "limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)},
            code="file_too_large",
        )
    data = upload.read()
    if data.startswith(b"%PDF-"):
        return clean_pdf(data, name)
    return clean_image(data, name)


def _path_for(storage_name: str) -> Path:
    return Path(settings.PRIVATE_STORAGE_ROOT) / storage_name


def store_encrypted(content: bytes) -> str:
    token = uuid.uuid4().hex
    storage_name = f"attachments/{token[:2]}/{token}.bin"
    path = _path_for(storage_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encrypt_bytes(content))
    return storage_name


def read_decrypted(storage_name: str) -> bytes:
    return decrypt_bytes(_path_for(storage_name).read_bytes())


def rewrite_encrypted(storage_name: str, token: bytes) -> None:
    path = _path_for(storage_name)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(token)
    temporary.replace(path)


def read_token(storage_name: str) -> bytes:
    return _path_for(storage_name).read_bytes()


def delete_stored(storage_name: str) -> None:
    _path_for(storage_name).unlink(missing_ok=True)


def rotate_all_attachments() -> int:
    """Re-encrypt every stored attachment with the newest key; registered with core's key rotation."""
    from safecommunity.core.encryption import rotate_bytes
    from safecommunity.reports.models import Attachment

    count = 0
    for storage_name in Attachment.objects.values_list("storage_name", flat=True).iterator():
        rewrite_encrypted(storage_name, rotate_bytes(read_token(storage_name)))
        count += 1
    return count
