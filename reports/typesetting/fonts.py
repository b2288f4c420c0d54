"""Finding the fonts the documents are printed in, and registering them with reportlab.

Chinese text needs a CJK font embedded in the PDF, or the paper shows empty boxes
("tofu"). reportlab embeds (a subset of) TrueType fonts only: OpenType fonts with
PostScript (CFF) outlines such as Noto Sans CJK or PingFang are detected from their
header and skipped. The search order is:

1. the font file chosen in the settings (`CompanySettings.pdf_font_path`; a collection
   may name its subfont as ``path.ttc#2``);
2. the system's Chinese fonts (Windows, macOS, Linux; see `system_cjk_fonts`);
3. the font that ships with the app, WenQuanYi Micro Hei (`BUNDLED_CJK`), so that a
   computer without a Chinese font still prints an embedded one;
4. reportlab's built-in ``STSong-Light`` CID font, only if the app's own font is missing
   too (a damaged install): not embedded, so the viewer supplies it. `FontSet.fallback`
   is then true and `FontSet.notices` says what to do.

Some CJK fonts (Droid Sans Fallback) have no Latin letters or digits. Every character
the CJK font lacks is drawn with a Latin TrueType font instead (DejaVu Sans, Arial, or
the Bitstream Vera that ships with reportlab, or the app's own font), so amounts and
codes always print.

`QK_SYSTEM_FONT_DIRS` (folders separated by ``os.pathsep``; empty for none) replaces the
platform's font folders: tests use it to print as a computer without Chinese fonts would.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from models.storage import live_files
from models.vocabulary.i18n import _

log = logging.getLogger(__name__)

BUILTIN_CJK = "STSong-Light"
BUILTIN_LATIN = "Helvetica"
# Characters a usable Chinese font must have: common words on every document.
_PROBE = "清款欠条对账单余额人民币壹贰"
# The Chinese font that ships with the app (reports/assets/fonts/README.md). It comes after
# the system's fonts: those are what the office sees on screen, and usually finer.
BUNDLED_CJK = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "wqy-microhei.ttc"
FONT_DIRS_ENV = "QK_SYSTEM_FONT_DIRS"


def _font_dirs_override() -> list[Path] | None:
    """The folders `FONT_DIRS_ENV` names instead of the platform's (None when unset)."""
    raw = os.environ.get(FONT_DIRS_ENV)
    if raw is None:
        return None
    return [Path(p) for p in raw.split(os.pathsep) if p]


def _windows_font_dirs() -> list[Path]:
    override = _font_dirs_override()
    if override is not None:
        return override
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _macos_font_dirs() -> list[Path]:
    override = _font_dirs_override()
    if override is not None:
        return override
    return [
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        Path("/Library/Fonts"),
        Path.home() / "Library" / "Fonts",
    ]


def _linux_font_dirs() -> list[Path]:
    override = _font_dirs_override()
    if override is not None:
        return override
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local" / "share" / "fonts",
        Path.home() / ".fonts",
    ]


def system_cjk_fonts(platform: str | None = None) -> list[Path]:
    """Known Chinese TrueType font files on `platform` (``sys.platform`` by default),
    best first. Files that do not exist are included; `find_fonts` skips them."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        names = ["msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "Deng.ttf", "simkai.ttf"]
        return [d / n for d in _windows_font_dirs() for n in names]
    if platform == "darwin":
        names = [
            "STHeiti Light.ttc",
            "STHeiti Medium.ttc",
            "Songti.ttc",
            "Arial Unicode.ttf",
            "PingFang.ttc",  # CFF: listed so that the skip is logged, never used
        ]
        return [r / n for r in _macos_font_dirs() for n in names]
    rel = [
        "truetype/wqy/wqy-microhei.ttc",
        "wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "wqy-microhei/wqy-microhei.ttc",
        "truetype/wqy/wqy-zenhei.ttc",
        "wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
        "wqy-zenhei/wqy-zenhei.ttc",
        "truetype/arphic/uming.ttc",
        "truetype/arphic/ukai.ttc",
        "truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "truetype/droid/DroidSansFallbackFull.ttf",
        "truetype/droid/DroidSansFallback.ttf",
        "google-droid/DroidSansFallback.ttf",
        "droid/DroidSansFallbackFull.ttf",
    ]
    return [r / p for r in _linux_font_dirs() for p in rel]


def bundled_cjk_fonts() -> list[Path]:
    """The Chinese font that ships with the app: tried after the system's."""
    return [BUNDLED_CJK]


def system_latin_fonts(platform: str | None = None) -> list[Path]:
    """TrueType fonts for Latin letters and digits, best first. The last two are the
    Bitstream Vera inside reportlab (missing from the packaged app, which leaves
    reportlab's data out) and the app's own font, whose Latin letters come from Droid
    Sans: one of them always exists, so the Latin font is always embedded."""
    platform = platform or sys.platform
    paths: list[Path] = []
    if platform.startswith("win"):
        paths += [d / n for d in _windows_font_dirs() for n in ("arial.ttf", "segoeui.ttf")]
    elif platform == "darwin":
        paths += [d / "Arial.ttf" for d in _macos_font_dirs()]
    else:
        rel = [
            "truetype/dejavu/DejaVuSans.ttf",
            "TTF/DejaVuSans.ttf",
            "dejavu/DejaVuSans.ttf",
            "truetype/liberation/LiberationSans-Regular.ttf",
        ]
        paths += [d / r for d in _linux_font_dirs() for r in rel]
    paths.append(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
    paths.append(BUNDLED_CJK)
    return paths


@dataclass(frozen=True)
class FontNotice:
    """Something the user should know about the fonts; `text` is translated when read."""

    code: str  # "settings_unusable" | "builtin"
    path: str = ""
    reason: str = ""

    @property
    def text(self) -> str:
        if self.code == "settings_unusable":
            return _(
                "The font chosen in Settings (‘{path}’) cannot be used: {reason}. "
                "Another Chinese font was used instead."
            ).format(path=self.path, reason=_(self.reason))
        return _(
            "No Chinese TrueType font was found on this computer and the one that comes "
            "with Qingkuan is missing, so documents use the PDF viewer's built-in STSong "
            "font: they may look different or show empty boxes elsewhere. Reinstall "
            "Qingkuan, or choose a Chinese .ttf or .ttc font file in Settings."
        )


@dataclass(frozen=True)
class FontSet:
    """The fonts documents are drawn with.

    `cjk` and `latin` are reportlab font names. `cjk_cmap` maps code points the CJK font
    has to glyph ids (None: the built-in CID font, assumed to cover everything);
    characters it lacks are drawn with `latin` when `latin_cmap` has them.
    """

    cjk: str
    latin: str
    cjk_path: str = ""
    cjk_subfont: int = 0
    latin_path: str = ""
    cjk_cmap: Mapping[int, int] | None = field(default=None, repr=False, compare=False)
    latin_cmap: Mapping[int, int] | None = field(default=None, repr=False, compare=False)
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason) of fonts looked at and refused
    notices: tuple[FontNotice, ...] = ()

    @property
    def embedded(self) -> bool:
        """True when the Chinese font is embedded in the PDF (a TrueType file was found)."""
        return self.cjk != BUILTIN_CJK

    @property
    def fallback(self) -> bool:
        """True when the built-in, non-embedded STSong-Light font is used: warn the user."""
        return not self.embedded

    @property
    def bundled(self) -> bool:
        """True when the Chinese font is the one that ships with the app."""
        return bool(self.cjk_path) and Path(self.cjk_path) == BUNDLED_CJK

    @property
    def warning(self) -> str:
        """All notices as one translated paragraph ('' when there is nothing to say)."""
        return " ".join(n.text for n in self.notices)


class FontRefused(Exception):
    """A font file cannot be used; the message says why (for logs and the notice)."""


def _sfnt_tags(path: Path) -> list[bytes]:
    """The outline tag of each font in the file: one for .ttf/.otf, several for a .ttc."""
    with path.open("rb") as fh:
        head = fh.read(12)
        if len(head) < 12:
            raise FontRefused("not a font file")
        if head[:4] != b"ttcf":
            return [head[:4]]
        count = struct.unpack(">I", head[8:12])[0]
        if not 0 < count < 256:
            raise FontRefused("damaged font collection")
        offsets = struct.unpack(f">{count}I", fh.read(4 * count))
        tags = []
        for off in offsets:
            fh.seek(off)
            tags.append(fh.read(4))
        return tags


def _is_truetype(tag: bytes) -> bool:
    return tag in (b"\x00\x01\x00\x00", b"true")


def inspect_font(path: str | Path) -> list[int]:
    """Indexes of the TrueType (embeddable) subfonts in `path`.

    Raises `FontRefused` when there is none: missing file, PostScript/CFF outlines
    (``OTTO``, e.g. Noto Sans CJK, PingFang), or not a font at all.
    """
    path = Path(path)
    if not path.is_file():
        raise FontRefused("file not found")
    if live_files.is_open_here(path):  # the ledger: opening it here would drop its locks
        raise FontRefused("not a font file")
    try:
        tags = _sfnt_tags(path)
    except OSError as err:
        raise FontRefused(f"cannot be read ({err.strerror or err})") from err
    usable = [i for i, tag in enumerate(tags) if _is_truetype(tag)]
    if usable:
        return usable
    if any(tag == b"OTTO" for tag in tags):
        raise FontRefused("PostScript (CFF) outlines cannot be embedded")
    raise FontRefused("not a TrueType font")


def _font_name(path: Path, index: int) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in path.stem)
    return f"QK-{stem}-{index}"


@cache
def _register(path: str, index: int) -> TTFont:
    """Parse and register one TrueType font once per process."""
    name = _font_name(Path(path), index)
    if name in pdfmetrics.getRegisteredFontNames():
        # Another file of the same name (the system's wqy-microhei.ttc and the app's own):
        # one name for both would draw one file's glyphs with the other's metrics.
        digest = hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        name = _font_name(Path(path), index).replace("QK-", f"QK-{digest}-", 1)
    try:
        font = TTFont(name, path, subfontIndex=index)
    except Exception as err:  # reportlab raises TTFError, struct.error, ValueError …
        raise FontRefused(str(err).splitlines()[0] if str(err) else type(err).__name__) from err
    pdfmetrics.registerFont(font)
    return font


def _split_subfont(raw: str) -> tuple[Path, int | None]:
    """``x.ttc#2`` names subfont 2, unless a file literally called ``x.ttc#2`` exists."""
    path = Path(raw).expanduser()
    stem, sep, idx = raw.rpartition("#")
    if sep and idx.isdigit() and not path.exists():
        return Path(stem).expanduser(), int(idx)
    return path, None


def _has_cjk(font: TTFont) -> bool:
    cmap = font.face.charToGlyph
    return all(ord(ch) in cmap for ch in _PROBE)


def load_cjk_font(raw_path: str | Path) -> TTFont:
    """Register the Chinese font at `raw_path` (``.ttc#N`` picks a subfont).

    In a collection without an index, a "Regular" subfont is preferred. Raises
    `FontRefused` when no subfont is TrueType with Chinese characters.
    """
    path, wanted = _split_subfont(str(raw_path))
    indexes = inspect_font(path)
    if wanted is not None:
        if wanted not in indexes:
            raise FontRefused(f"subfont {wanted} is not a TrueType font")
        indexes = [wanted]
    fonts: list[TTFont] = []
    last: FontRefused | None = None
    for index in indexes:
        try:
            font = _register(str(path), index)
        except FontRefused as err:
            last = err
            continue
        if not _has_cjk(font):
            continue
        # The first regular subfont is the answer: parsing the others (0.14 s each for
        # a CJK font) would only delay every print.
        if font.face.styleName in (b"Regular", b"Normal", b"Book", b"Light", b"W3"):
            return font
        fonts.append(font)
    if not fonts:
        raise last or FontRefused("has no Chinese characters")
    return fonts[0]


def _first_latin(candidates: Sequence[Path]) -> tuple[str, str, Mapping[int, int] | None]:
    for path in candidates:
        try:
            indexes = inspect_font(path)
            font = _register(str(path), indexes[0])
        except FontRefused:
            continue
        return font.fontName, str(path), font.face.charToGlyph
    return BUILTIN_LATIN, "", None


@cache
def _find(settings_path: str, candidates: tuple[Path, ...], latin: tuple[Path, ...]) -> FontSet:
    skipped: list[tuple[str, str]] = []
    notices: list[FontNotice] = []
    chosen: TTFont | None = None
    if settings_path:
        try:
            chosen = load_cjk_font(settings_path)
        except FontRefused as err:
            skipped.append((settings_path, str(err)))
            notices.append(FontNotice("settings_unusable", settings_path, str(err)))
            log.warning("font from settings %s refused: %s", settings_path, err)
    for path in candidates:
        if chosen is not None:
            break
        if not path.exists():
            continue
        try:
            chosen = load_cjk_font(path)
        except FontRefused as err:
            skipped.append((str(path), str(err)))
            log.info("font %s skipped: %s", path, err)
    latin_name, latin_path, latin_cmap = _first_latin(latin)
    if chosen is not None and Path(chosen.face.filename) == BUNDLED_CJK:
        log.info("no Chinese TrueType font on this computer; using the app's own %s", BUNDLED_CJK)
    if chosen is None:
        # "another font was used instead" would be untrue: only the built-in notice stays.
        notices = [n for n in notices if n.code != "settings_unusable"]
        notices.append(FontNotice("builtin"))
        pdfmetrics.registerFont(UnicodeCIDFont(BUILTIN_CJK))
        log.warning("no Chinese TrueType font found; using built-in %s", BUILTIN_CJK)
        return FontSet(
            cjk=BUILTIN_CJK,
            latin=latin_name,
            latin_path=latin_path,
            latin_cmap=latin_cmap,
            skipped=tuple(skipped),
            notices=tuple(notices),
        )
    return FontSet(
        cjk=chosen.fontName,
        latin=latin_name,
        cjk_path=chosen.face.filename,
        cjk_subfont=_subfont_index(chosen),
        latin_path=latin_path,
        cjk_cmap=chosen.face.charToGlyph,
        latin_cmap=latin_cmap,
        skipped=tuple(skipped),
        notices=tuple(notices),
    )


def _subfont_index(font: TTFont) -> int:
    return int(font.fontName.rsplit("-", 1)[1])


def find_fonts(
    settings_path: str = "",
    *,
    candidates: Sequence[Path] | None = None,
    latin_candidates: Sequence[Path] | None = None,
) -> FontSet:
    """Choose and register the fonts (cached: cheap to call for every document).

    `settings_path` is `CompanySettings.pdf_font_path`. `candidates` and
    `latin_candidates` replace the system lists and the app's own font (tests use them to
    simulate a computer without any usable Chinese font, or with a CJK font that lacks
    digits); `QK_SYSTEM_FONT_DIRS` hides the system's fonts but keeps the app's.
    """
    if candidates is None:
        candidates = [*system_cjk_fonts(), *bundled_cjk_fonts()]
    cjk = tuple(candidates)
    latin = tuple(latin_candidates) if latin_candidates is not None else tuple(system_latin_fonts())
    return _find(settings_path.strip(), cjk, latin)
