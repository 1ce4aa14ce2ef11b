"""Files sent with an application: accepted by their content, cleaned, stored encrypted, never shown inline.

The same rules as the reports' attachments (both use ``core.files``): the type is read from the bytes, never from
the name or the browser's claim; images are decoded and re-encoded (dropping their metadata); PDFs are rebuilt page
by page without document information or scripts; Word
documents must be plain DOCX (a ZIP holding ``word/document.xml``) without macros, embedded objects or
an outsized expansion. Everything else is refused with a translated message naming the file.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from safecommunity.core.encryption import decrypt_bytes, encrypt_bytes, rotate_bytes
from safecommunity.core.files import UNREADABLE, PasswordProtected, rebuilt_pdf, reencoded_image

IMAGE_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A DOCX may not expand to more than this (a "zip bomb" would).
MAX_DOCX_EXPANDED = 100 * 1024 * 1024
UNREADABLE_FILE: tuple[type[Exception], ...] = (zipfile.BadZipFile, *UNREADABLE)
DOCX_FORBIDDEN_PARTS = ("vbaproject.bin", "/embeddings/", "activex", "vbadata.xml")


@dataclass(frozen=True)
class CleanFile:
    name: str
    kind: str
    content_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _unsupported(name: str, allowed: list[str]) -> ValidationError:
    from safecommunity.programs.opencalls.models import Call

    labels = ", ".join(str(Call.FileType(kind).label) for kind in allowed if kind in Call.FileType.values)
    return ValidationError(
        _("“%(name)s” is not a file we can accept for this call. Please send one of these: %(types)s.")
        % {"name": name, "types": labels},
        code="unsupported_file",
    )


def _clean_image(data: bytes, name: str) -> CleanFile:
    content_type, content = reencoded_image(data, formats=IMAGE_FORMATS)
    return CleanFile(name, "image", content_type, content)


def _clean_pdf(data: bytes, name: str, shown: str) -> CleanFile:
    try:
        content = rebuilt_pdf(data)
    except PasswordProtected as exc:
        raise ValidationError(
            _("“%(name)s” is protected with a password. Please send a copy without a password.") % {"name": shown},
            code="encrypted_pdf",
        ) from exc
    return CleanFile(name, "pdf", "application/pdf", content)


def _check_docx(data: bytes, name: str, shown: str) -> CleanFile:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [info.filename.lower() for info in archive.infolist()]
        if "word/document.xml" not in names or "[content_types].xml" not in names:
            raise ValueError("not a Word document")
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_EXPANDED:
            raise ValueError("expands too much")
        content_types = archive.read("[Content_Types].xml").lower()
        if any(part in entry for entry in names for part in DOCX_FORBIDDEN_PARTS) or b"macroenabled" in content_types:
            raise ValidationError(
                _("“%(name)s” contains macros or embedded programs. Please save it as a plain Word document.")
                % {"name": shown},
                code="docx_with_macros",
            )
    return CleanFile(name, "docx", DOCX_CONTENT_TYPE, data)


def clean_upload(upload: UploadedFile, *, allowed: list[str], max_bytes: int) -> CleanFile:
    """The cleaned file, or a ``ValidationError`` saying in the visitor's language what is wrong with it."""
    shown = (upload.name or "upload").replace("\\", "/").rsplit("/", 1)[-1][-150:]
    # Stored under a plain ASCII name: it ends up in a Content-Disposition header.
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", shown).strip("._") or "upload"
    too_large = ValidationError(
        _("“%(name)s” is larger than %(limit)s MB. Please send a smaller file.")
        % {"name": shown, "limit": max_bytes // (1024 * 1024)},
        code="file_too_large",
    )
    if upload.size is not None and upload.size > max_bytes:
        raise too_large
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    if data.startswith(b"%PDF-"):
        kind = "pdf"
    elif data.startswith(b"PK\x03\x04"):
        kind = "docx"
    else:
        kind = "image"
    if kind not in allowed:
        raise _unsupported(shown, allowed)
    try:
        if kind == "pdf":
            return _clean_pdf(data, name, shown)
        if kind == "docx":
            return _check_docx(data, name, shown)
        return _clean_image(data, name)
    except ValidationError:
        raise
    except UNREADABLE_FILE as exc:
        raise _unsupported(shown, allowed) from exc


def encrypt_content(content: bytes) -> bytes:
    return encrypt_bytes(content)


def decrypt_content(token: bytes | memoryview) -> bytes:
    return decrypt_bytes(bytes(token))


def rotate_all_attachments() -> int:
    """Re-encrypt every application file with the newest key; registered with core's key rotation."""
    from safecommunity.programs.opencalls.models import Attachment

    count = 0
    for attachment in Attachment.objects.only("pk", "encrypted_content").iterator(chunk_size=100):
        Attachment.objects.filter(pk=attachment.pk).update(
            encrypted_content=rotate_bytes(bytes(attachment.encrypted_content))
        )
        count += 1
    return count
