"""Cleaning files people send (a photo with a report, a PDF with an application) by their content.

Images are decoded and re-encoded, which drops every piece of metadata (EXIF with GPS, XMP, IPTC, comments) and keeps
the picture the right way up; PDFs are rebuilt page by page without their document information, XMP or scripts.
Each app decides which kinds it accepts and words its own messages; these functions raise ``UNREADABLE`` errors for
a file that is not what it claims, and ``PasswordProtected`` for an encrypted PDF.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_SIDE = 4096
# What a damaged or disguised file makes Pillow or pypdf raise.
UNREADABLE: tuple[type[Exception], ...] = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    PdfReadError,
    OSError,
    SyntaxError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    RecursionError,
)


class PasswordProtected(Exception):
    """A PDF that cannot be rebuilt without its password."""


def reencoded_image(data: bytes, *, formats: frozenset[str]) -> tuple[str, bytes]:
    """(content type, bytes) of the picture re-encoded as PNG (when it has transparency) or JPEG, at most
    ``MAX_IMAGE_SIDE`` pixels a side; ``ValueError`` when it is not one of ``formats`` (Pillow's names)."""
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with Image.open(io.BytesIO(data)) as probe:
        if probe.format not in formats:
            raise ValueError("not an accepted image format")
        probe.verify()
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        # Keep the picture the right way up before the orientation tag is dropped with the rest.
        upright = ImageOps.exif_transpose(image) or image
        upright.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
        out = io.BytesIO()
        if upright.mode in {"RGBA", "LA"} or (upright.mode == "P" and "transparency" in upright.info):
            clean = Image.new("RGBA", upright.size)
            clean.paste(upright.convert("RGBA"))
            clean.save(out, format="PNG", optimize=True)
            return "image/png", out.getvalue()
        clean = Image.new("RGB", upright.size)
        clean.paste(upright.convert("RGB"))
        clean.save(out, format="JPEG", quality=88, optimize=True)
        return "image/jpeg", out.getvalue()


def rebuilt_pdf(data: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise PasswordProtected
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
