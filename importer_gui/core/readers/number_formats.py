"""What a workbook's number format shows for a whole number, for the formats that show it
otherwise than its plain digits: zeros before it (00000: 00042) and text around it
("TC-"0000: TC-0042; 0" h": 7 h; \\A\\B000: AB042; 000-00-0000). calamine reads the bare
number (42), so such cells are read as the sheet shows them, as a ``Shown`` holding it.

Only these are understood: the digit placeholder 0, text in quotes, a backslash-escaped
character and the characters Excel shows without quotes ($ - + / ( ) : and space), the text
holding no digit (a Shown's digits are its number's). Any other
format (decimals, thousands separators, #, ?, %, exponents, colours, conditions, @, dates)
is left to calamine's reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importer_gui.core.cells import Shown

# The characters Excel shows as they are, without quotes.
_AS_THEY_ARE = frozenset("$-+/(): ")
# The largest whole number a workbook holds exactly (15 significant digits).
EXACT = 10**15

_DIGIT = re.compile("[0-9]")

# A whole number's text shown with text around its digits: no digit before them, none after
# them (a decimal part "5,00", a thousands separator "1 234" have some).
WHOLE_SHOWN = re.compile(r"([^0-9]*)([0-9]+)([^0-9]*)")

# A section of a format: its pieces in order, None for a digit placeholder (0).
Section = tuple[str | None, ...]


def _sections(code: str) -> list[str]:
    """The format's sections (positive; negative; zero; text), split on the semicolons
    outside quotes and escapes."""
    sections, start, quoted, escaped = [], 0, False, False
    for place, char in enumerate(code):
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append(code[start:place])
            start = place + 1
    sections.append(code[start:])
    return sections


def _section(code: str) -> Section | None:
    """A section's pieces, or None when it holds anything not understood (or nothing)."""
    pieces: list[str | None] = []
    place = 0
    # Where a / written bare is: between two zeros it makes a fraction (0/0), not text.
    slashes: list[int] = []
    while place < len(code):
        char = code[place]
        if char == "0":
            pieces.append(None)
        elif char == '"':
            end = code.find('"', place + 1)
            if end < 0:
                return None
            pieces.append(code[place + 1:end])
            place = end
        elif char == "\\" and place + 1 < len(code):
            place += 1
            pieces.append(code[place])
        elif char in _AS_THEY_ARE:
            if char == "/":
                slashes.append(len(pieces))
            pieces.append(char)
        else:
            return None
        place += 1
    if any(None in pieces[:at] and None in pieces[at:] for at in slashes):
        return None
    if any(piece is not None and _DIGIT.search(piece) for piece in pieces):
        return None  # a Shown's digits must be its number's alone
    return tuple(pieces) or None


def _render(section: Section, number: int) -> str:
    """A number (from 0 up) as a section shows it: its digits fill the placeholders from
    the right, the first placeholder taking any it has no room for."""
    run = _one_run(section)
    if run is not None:  # the zeros together, as most formats have them: one step
        before, width, after = run
        return before + str(number).zfill(width) + after
    slots = section.count(None)
    digits = str(number).zfill(slots) if slots else ""
    extra = len(digits) - slots
    out, used = [], 0
    for piece in section:
        if piece is None:
            take = 1 + extra if used == 0 else 1
            out.append(digits[used:used + take])
            used += take
        else:
            out.append(piece)
    return "".join(out)


@lru_cache(maxsize=64)
def _one_run(section: Section) -> tuple[str, int, str] | None:
    """The text before a section's zeros, how many, and the text after, when its zeros are
    all together; None otherwise (000-00-0000)."""
    if None not in section:
        return None
    first, last = section.index(None), len(section) - section[::-1].index(None)
    if any(piece is not None for piece in section[first:last]):
        return None
    return ("".join(section[:first]), last - first,  # type: ignore[arg-type]
            "".join(section[last:]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Layout:
    """A number format as it shows whole numbers: a section for the numbers from 1 up (and
    for the others it cannot show otherwise), and, when understood, one for those below
    zero and one for zero."""

    positive: Section
    negative: Section | None = None
    zero: Section | None = None

    def text(self, number: int) -> str:
        """The whole number as the format shows it (one section: a minus before the text
        it shows for the number's size, as Excel does)."""
        if number < 0:
            if self.negative is not None:
                return _render(self.negative, -number)
            return "-" + _render(self.positive, -number)
        if number == 0 and self.zero is not None:
            return _render(self.zero, 0)
        return _render(self.positive, number)

    def shown(self, value: str | bytes) -> Shown | None:
        """A number cell's value (its XML text) as the sheet shows it, holding the number;
        None when it is no whole number or shows as its plain digits."""
        try:
            number = float(value)
        except ValueError:
            return None
        if not number.is_integer() or abs(number) >= EXACT:
            return None
        whole = int(number)
        text = self.text(whole)
        return None if text == str(whole) else Shown(text, str(whole))


def layout(code: str) -> Layout | None:
    """How a format code shows whole numbers; None when it is not understood, or shows them
    as their plain digits (General, 0)."""
    sections = _sections(code)
    positive = _section(sections[0])
    if positive is None or None not in positive:
        return None
    negative = _section(sections[1]) if len(sections) > 1 else None
    understood = Layout(positive,
                        negative if negative is not None and None in negative else None,
                        _section(sections[2]) if len(sections) > 2 else None)
    if all(understood.text(number) == str(number) for number in (1, -1, 0)):
        return None
    return understood


def format_showing(cell: Shown) -> str | None:
    """A number format that shows the cell's number as the cell shows it (its text around
    as many zeros as it shows digits; a number below zero shown by a section of its own, its
    minus as text), for a workbook written from one; None when its text is not so made."""
    found = WHOLE_SHOWN.fullmatch(cell)
    if found is None:
        return None
    before, digits, after = found.groups()
    section = _literal(before) + "0" * len(digits) + _literal(after)
    return "0;" + section if cell.value.startswith("-") else section


def _literal(text: str) -> str:
    """Text as a format shows it, in quotes (a quote itself escaped)."""
    return '"' + text.replace('"', '"\\""') + '"' if text else ""
