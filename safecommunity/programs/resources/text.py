"""Text helpers: accent- and case-insensitive search keys, and privacy-enhanced video links."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlparse

# Letters that do not decompose into a base letter and an accent.
_SPECIAL = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


def folded(text: str) -> str:
    """Lower case without accents, so "Quyền" and "quyen" match (Arabic, Chinese… are left as they are)."""
    lowered = unicodedata.normalize("NFKD", text.casefold()).translate(_SPECIAL)
    return " ".join("".join(char for char in lowered if not unicodedata.combining(char)).split())


def search_text_of(*texts: Mapping[str, str] | None, extra: Iterable[str] = ()) -> str:
    parts = [str(value) for texts_ in texts if texts_ for value in texts_.values() if value]
    return folded("\n".join([*parts, *extra]))


def privacy_enhanced_video_url(url: str) -> str:
    """The privacy-enhanced address of a YouTube or Vimeo video (no tracking cookies until the person plays it);
    any other address is returned as it is."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    if video_id and video_id.replace("-", "").replace("_", "").isalnum():
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in {"vimeo.com", "player.vimeo.com"}:
        number = next((part for part in parsed.path.split("/") if part.isdigit()), "")
        if number:
            return f"https://player.vimeo.com/video/{number}?dnt=1"
    return url


def video_host(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    if "youtube" in host or host == "youtu.be":
        return "YouTube"
    if "vimeo" in host:
        return "Vimeo"
    return host.removeprefix("www.")
