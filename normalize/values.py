"""A strict reader for the values printed in Indonesian performance documents.

Indonesian writes a decimal comma and groups thousands with dots (``1.234.567,89``).
Targets and amounts decide audits, so the reader never guesses silently:

* a lone separator followed by exactly three digits (``1.250``, ``1,250``) is read the
  Indonesian way and carries an ``ambiguous_separator`` issue;
* a dot followed by anything but three digits is a decimal point (``14.90``), never a
  thousands separator (Babel's non-strict ``id`` parser reads ``12.5`` as 125);
* money is an exact integer of rupiah; cents that are not zero are reported, and an amount whose
  dots group its digits irregularly (``1.660453.975``) is read from its digits with an
  ``irregular_grouping`` issue;
* what cannot be read gives kind ``none`` and an ``unreadable`` issue, never an exception.

>>> parse_value("34,94%").value, parse_value("34,94%").kind.value
(Decimal('34.94'), 'percent')
>>> parse_value("34,9 4%").value
Decimal('34.94')
>>> v = parse_value("100 (4 skala 5)"); (v.value, v.scale_value, v.scale, v.kind.value)
(Decimal('100'), Decimal('4'), Decimal('5'), 'index')
>>> v = parse_value("4 (WTP)"); (v.value, v.label, v.kind.value)
(Decimal('4'), 'WTP', 'opinion')
>>> parse_value("Rp 7.315.466.938.000").amount
7315466938000
>>> parse_value("12.5").value
Decimal('12.5')
>>> [i.check for i in parse_value("1.250").issues], parse_value("1.250").value
(['ambiguous_separator'], Decimal('1250'))
>>> parse_value("-").kind.value, parse_value("N/A").kind.value
('none', 'none')
>>> v = parse_value("18 Yo"); (v.kind.value, [i.check for i in v.issues])
('none', ['unreadable'])
>>> v = parse_value("100 dari 110 Organisasi Kepemudaan"); (v.value, v.total, v.unit)
(Decimal('100'), Decimal('110'), 'Organisasi Kepemudaan')
>>> parse_value("Tidak kurang dari 80%").comparator, parse_value("± 80%").comparator
('≥', '±')
>>> v = parse_value("Rp 1.660453.975"); (v.amount, [i.check for i in v.issues])
(1660453975, ['irregular_grouping'])
"""

from __future__ import annotations

import functools
from decimal import Decimal
from enum import StrEnum

import regex as re
from pydantic import BaseModel, ConfigDict, Field

from core.problems import Location, Problem, Severity
from normalize.text import clean_text


class Kind(StrEnum):
    PERCENT = "percent"
    NUMBER = "number"
    INDEX = "index"
    RUPIAH = "rupiah"
    GRADE = "grade"
    OPINION = "opinion"
    TEXT = "text"
    NONE = "none"


NUMERIC_KINDS = frozenset({Kind.PERCENT, Kind.NUMBER, Kind.INDEX, Kind.RUPIAH, Kind.OPINION})


class ValueIssue(BaseModel):
    """Why a value is doubtful: ``ambiguous_separator``, ``irregular_grouping``, ``unreadable``,
    ``fractional_rupiah``, ``exceeds_total`` (``110 dari 100``), ``value_repaired`` (read once
    stray marks were put right: ``Rp 1:207.000.000``).

    ``severity`` is ``info`` where the reading is the one an Indonesian document means and the
    issue only says another writer might have meant otherwise (``1.250`` read as 1250): such a
    note does not make a document partial."""

    model_config = ConfigDict(frozen=True)

    check: str
    message: str
    severity: Severity = Severity.WARNING


class Value(BaseModel):
    """One printed value, read: the raw text is always kept beside the reading."""

    model_config = ConfigDict(frozen=True)

    raw: str
    value: Decimal | None = None
    kind: Kind = Kind.NONE
    unit: str | None = None
    scale: Decimal | None = None
    scale_value: Decimal | None = None
    label: str | None = None
    comparator: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    total: Decimal | None = None  # "100 dari 110 Organisasi": 100 out of a total of 110
    issues: tuple[ValueIssue, ...] = Field(default=())

    @property
    def amount(self) -> int | None:
        """The value as an exact integer (rupiah), or None when it is not a whole number.

        >>> parse_value("Rp 1.234.567,00").amount
        1234567
        """
        if self.value is None or self.value != self.value.to_integral_value():
            return None
        return int(self.value)

    @property
    def is_empty(self) -> bool:
        """True for ``-``, ``N/A`` and blank cells (no target set), not for unreadable ones."""
        return self.kind is Kind.NONE and not self.issues

    def problems(self, location: Location) -> list[Problem]:
        """The value's issues as problems of the document, at ``location``.

        >>> [(p.check, p.severity.value) for p in parse_value("1.250").problems(Location(line=3))]
        [('ambiguous_separator', 'info')]
        """
        return [Problem(check=i.check, severity=i.severity, component="normalize", message=i.message, location=location)
                for i in self.issues]

    def same_as(self, other: Value) -> bool:
        """Equal as targets: same number (and scale when both print one), or same label/text.

        >>> parse_value("100").same_as(parse_value("100 (4 skala 5)"))
        True
        >>> parse_value("34,9 4%").same_as(parse_value("34,94%"))
        True
        >>> parse_value("3,25 (skala 4)").same_as(parse_value("3,25 (skala 5)"))
        False
        >>> parse_value("4 (WTP)").same_as(parse_value("4 (WDP)")), parse_value("≥ 80%").same_as(parse_value("80%"))
        (False, False)
        >>> parse_value("A (88)").same_as(parse_value("B (75)"))
        False
        >>> parse_value("100 dari 110 Organisasi").same_as(parse_value("100 dari 120 Organisasi"))
        False
        """
        if self.label and other.label and self.label != other.label:
            return False
        if (self.comparator or None) != (other.comparator or None):
            return False
        if self.value is not None or other.value is not None:
            if self.value is None or other.value is None or self.value != other.value:
                return False
            if self.scale is not None and other.scale is not None and self.scale != other.scale:
                return False
            if self.total is not None and other.total is not None and self.total != other.total:
                return False  # "100 dari 110" is not "100 dari 120"
            return True
        if self.low is not None or other.low is not None:
            return (self.low, self.high) == (other.low, other.high)
        if self.label or other.label:
            return self.label == other.label
        if self.kind is Kind.TEXT or other.kind is Kind.TEXT or self.issues or other.issues:
            return clean_text(self.raw).casefold() == clean_text(other.raw).casefold()
        return self.kind == other.kind


# --- numbers ---------------------------------------------------------------------------

_NUM = r"-?\d(?:[\d.,]*\d)?"
_THOUSANDS_ID = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_DECIMAL = re.compile(r"-?\d+,\d+")
_ENGLISH = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d+|-?\d{1,3}(?:,\d{3}){2,}")
_DOT_DECIMAL = re.compile(r"-?\d+\.\d+")
_INTEGER = re.compile(r"-?\d+")


def parse_number(text: str) -> tuple[Decimal, ValueIssue | None] | None:
    """Read one Indonesian number; return ``(Decimal, issue or None)`` or None if it is not one.

    >>> parse_number("1.234.567,89")
    (Decimal('1234567.89'), None)
    >>> parse_number("0,23")
    (Decimal('0.23'), None)
    >>> parse_number("84,10")
    (Decimal('84.10'), None)
    >>> parse_number("14.90")
    (Decimal('14.90'), None)
    >>> parse_number("1.250")[0], parse_number("1.250")[1].check
    (Decimal('1250'), 'ambiguous_separator')
    >>> parse_number("1,250")[0], parse_number("1,250")[1].check
    (Decimal('1.250'), 'ambiguous_separator')
    >>> parse_number("0.250")
    (Decimal('0.250'), None)
    >>> parse_number("1,234,567")
    (Decimal('1234567'), None)
    >>> parse_number("1.2.3") is None
    True
    """
    s = text.strip()
    if _INTEGER.fullmatch(s):
        return Decimal(s), None
    if _THOUSANDS_ID.fullmatch(s):
        intpart, _, frac = s.partition(",")
        groups = intpart.lstrip("-").split(".")
        if len(groups) == 2 and not frac:
            if groups[0] in ("0",):
                return Decimal(s), None
            return Decimal(intpart.replace(".", "")), _ambiguous(s, Decimal(intpart.replace(".", "")), Decimal(s))
        return Decimal(intpart.replace(".", "") + ("." + frac if frac else "")), None
    if _COMMA_DECIMAL.fullmatch(s):
        intpart, frac = s.split(",")
        value = Decimal(f"{intpart}.{frac}")
        bare = intpart.lstrip("-")
        if len(frac) == 3 and 1 <= len(bare) <= 3 and bare != "0":
            return value, _ambiguous(s, value, Decimal(intpart + frac))
        return value, None
    if _ENGLISH.fullmatch(s):
        return Decimal(s.replace(",", "")), None
    if _DOT_DECIMAL.fullmatch(s):
        return Decimal(s), None
    return None


def _ambiguous(text: str, chosen: Decimal, other: Decimal) -> ValueIssue:
    return ValueIssue(
        check="ambiguous_separator", severity=Severity.INFO,
        message=f"'{text}' read as {chosen} (Indonesian separators); another writer may have meant {other}",
    )


def _num(text: str) -> tuple[Decimal, ValueIssue | None]:
    parsed = parse_number(text)
    if parsed is None:  # pragma: no cover - callers match _NUM first and catch ValueError
        raise ValueError(text)
    return parsed


# --- patterns --------------------------------------------------------------------------

NONE_TOKENS = frozenset({"", "-", "--", "n/a", "n.a.", "n.a", "na", "nihil", "tidak ada", "#n/a"})
GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")
OPINIONS = ("WTP", "WDP", "TW", "TMP")
_GRADE = "|".join(GRADES)
_OPINION = "|".join(OPINIONS)
_MULTIPLIERS = {
    "ribu": Decimal(10) ** 3,
    "rb": Decimal(10) ** 3,
    "juta": Decimal(10) ** 6,
    "jt": Decimal(10) ** 6,
    "miliar": Decimal(10) ** 9,
    "milyar": Decimal(10) ** 9,
    "m": Decimal(10) ** 9,
    "triliun": Decimal(10) ** 12,
    "t": Decimal(10) ** 12,
}
_MULT = r"ribu|rb|juta|jt|miliar|milyar|triliun"
_MULT_RP = rf"{_MULT}|(?-i:M|T)\b"  # after "Rp", a capital M is miliar and T triliun ("Rp 2,5 M")

_COMPARATOR = re.compile(
    r"^(?P<op>≥|≤|>|<|=|±|\+/-|min(?:imal|imum)?\.?|maks(?:imal|imum)?\.?|max(?:imal|imum)?\.?"
    r"|paling\s+(?:sedikit|rendah|banyak|tinggi)|tidak\s+(?:kurang|lebih)\s+dari|(?:kurang|lebih)\s+dari"
    r"|se(?:kurang-kurang|sedikit-sedikit|rendah-rendah)nya|se(?:banyak-banyak|tinggi-tinggi)nya"
    r"|(?:kurang\s+lebih|sekitar|kira-kira))\s*(?=[\d(Rr±-])",
    re.IGNORECASE,
)
_AT_LEAST = ("min", "paling sedikit", "paling rendah", "tidak kurang", "sekurang", "sesedikit", "serendah")
_AT_MOST = ("maks", "max", "paling banyak", "paling tinggi", "tidak lebih", "sebanyak", "setinggi")
_ABOUT = ("±", "+/-", "kurang lebih", "sekitar", "kira-kira")
_MONEY = re.compile(
    rf"^(?:(?:rp|idr)\.?\s*(?P<num>{_NUM})\s*(?P<mult>{_MULT_RP})?\.?\s*(?:,-|,—|-)?"
    rf"|(?P<num2>{_NUM})\s*(?P<mult2>{_MULT})?\s*rupiah)$",
    re.IGNORECASE,
)
_BARE_MONEY = re.compile(rf"^(?P<num>{_NUM})\s*(?P<mult>{_MULT})?\.?\s*(?:,-)?$", re.IGNORECASE)
_SCALE = re.compile(
    rf"^(?P<num>{_NUM})\s*(?P<pct>%)?\s*\(\s*(?:(?P<sv>{_NUM})\s+)?skala\s+(?P<scale>{_NUM})\s*\)$",
    re.IGNORECASE,
)
_LABELLED = re.compile(rf"^(?P<num>{_NUM})\s*\(\s*(?P<label>{_OPINION}|{_GRADE})\s*\)$")
_LABEL_ONLY = re.compile(rf"^(?:(?i:predikat|opini|nilai)\s+)?(?P<label>{_OPINION}|{_GRADE})$")
# a grade with the score behind it: "A (83)", "Nilai A (82,92)" (the AKIP evaluation's predikat and nilai)
_GRADE_SCORED = re.compile(rf"^(?:(?i:predikat|nilai)\s+)?(?P<label>{_GRADE})\s*\(\s*(?P<num>{_NUM})\s*\)$")
# a maturity or capability level, with the score behind it: "Level 3", "Level 3 (3,35)" (SPIP, APIP)
_LEVEL = re.compile(rf"^(?i:level|tingkat)\s+(?P<level>\d)(?:\s*\(\s*(?P<num>{_NUM})\s*\))?$")
_PERCENT = re.compile(rf"^(?P<num>{_NUM}(?: \d(?:[\d.,]*\d)?)?)\s*(?:%|persen\b)$", re.IGNORECASE)
_RANGE = re.compile(
    rf"^(?P<a>{_NUM})\s*(?P<pa>%)?\s*(?:-|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*(?P<b>\d(?:[\d.,]*\d)?)\s*(?P<pb>%)?$",
    re.IGNORECASE,
)
_WITH_UNIT = re.compile(rf"^(?P<num>{_NUM})\s*(?P<unit>\p{{L}}[\p{{L}}/.²³0-9]*(?:\s+\p{{L}}[\p{{L}}/.]*){{0,2}})$")
_PLAIN = re.compile(rf"^{_NUM}$")
_RATIO = re.compile(rf"^(?P<num>{_NUM})\s*(?P<unit>/\s*\d[\d.,]*\s*\p{{L}}[\p{{L}} ]*)$")
_TRAILING_NOTE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<note>[^()]*)\)$")
_MONEY_SHAPE = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,00|,-)$")  # 1.234.567,00 or 1.234.567,- is an amount
_OUT_OF = re.compile(rf"^(?P<num>{_NUM})\s+dari\s+(?P<total>{_NUM})(?:\s+(?P<unit>\p{{L}}[\p{{L}}/. ]*))?$", re.IGNORECASE)
_DIGIT_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3,}){2,}$")  # "1.660453.975": dots only, a group longer than three
# "1.353.100,000,00", "25,357.375.000,00" (OCR mixes up the two marks): groups of three, then two cents
_MIXED_GROUPS = re.compile(r"^(?P<int>\d{1,3}(?:[.,]\d{3})+)[.,](?P<cents>\d{2})$")
_COMPOUND = re.compile(r"^\d[\d.,]*\s+(?:\p{L}[^\d]*?)?(?:\bdan\b|\bdari\b|,(?=\s))\s*\d", re.IGNORECASE)

# Units seen in performance agreements. Unknown words of three letters or more are accepted
# as units too; an unknown one- or two-letter "unit" (``18 Yo``) is an OCR misreading.
KNOWN_UNITS = frozenset(
    u.casefold()
    for u in (
        "Kali Dokumen Laporan Orang Unit Titik Jenis ekor ton Kg Ha Km M M2 M3 Liter SBM Paket Desa Kegiatan "
        "Lokasi Kelompok Event Bulan Hari Jam JP Sertifikat Rekomendasi Sistem Aplikasi Poin Nilai Indeks Buah "
        "Kab Kota Kab/Kota Perda Perkada Produk Inovasi Sekolah Rumah KK Jiwa Pegawai Peserta Kasus Judul Naskah"
    ).split()
)


def parse_value(raw: str | None, *, expect: Kind | None = None, mend: bool = False) -> Value:
    """Read one printed value. ``expect=Kind.RUPIAH`` reads a bare number as rupiah. ``mend``: a cell
    known to hold a value (a target's, an amount's) that reads only once the marks OCR leaves are put
    right (:func:`repair_marks`) is read so, with a ``value_repaired`` issue; a text asked whether it is
    a value at all (a row's code, a label) is never mended.

    >>> parse_value("≥ 80%").comparator, parse_value("Min. 80%").comparator, parse_value("Maks 5%").comparator
    ('≥', '≥', '≤')
    >>> v = parse_value("88,31-100,00"); (v.low, v.high, v.value)
    (Decimal('88.31'), Decimal('100.00'), None)
    >>> v = parse_value("175.000 SBM"); (v.value, v.unit, [i.check for i in v.issues])
    (Decimal('175000'), 'SBM', ['ambiguous_separator'])
    >>> parse_value("Rp 1,5 miliar").amount
    1500000000
    >>> parse_value("6.500.705.000", expect=Kind.RUPIAH).amount
    6500705000
    >>> parse_value("BB").kind.value, parse_value("BB").label
    ('grade', 'BB')
    >>> parse_value("Nilai").kind.value
    'text'
    >>> v = parse_value("Nilai A (82,92)"); (v.kind.value, v.label, v.value)
    ('grade', 'A', Decimal('82.92'))
    >>> v = parse_value("Level 3 (3,35)"); (v.kind.value, v.label, v.value), parse_value("Level 3").value
    (('index', 'Level 3', Decimal('3.35')), Decimal('3'))
    >>> v = parse_value("Rp 1:207.000.000", mend=True); (v.amount, v.raw, [i.check for i in v.issues])
    (1207000000, 'Rp 1:207.000.000', ['value_repaired'])
    >>> parse_value("Rp 1:207.000.000").kind.value, parse_value("“1", mend=True).value, parse_value("“1").value
    ('none', Decimal('1'), None)
    """
    return _read_value("" if raw is None else str(raw), expect, mend)


@functools.lru_cache(maxsize=8192, typed=True)
def _read_value(raw: str, expect: Kind | None, mend: bool) -> Value:
    """:func:`parse_value`'s reading, remembered: a :class:`Value` is frozen, so one text's reading is
    shared (a table's cells repeat their values: 29,351 readings of 1,467 texts on 20 of the built PDFs).
    Typed: ``Kind.RUPIAH`` and the string ``"rupiah"`` are equal but read differently (``expect is``)."""
    text = clean_text(raw)
    try:
        value = _parse(raw, text, expect)
        doubtful = (value.kind is Kind.NONE and value.issues) or (value.kind is Kind.TEXT and any(ch.isdigit() for ch in text))
        if mend and doubtful and (mended := repair_marks(text)) is not None:
            again = _parse(raw, mended, expect)
            if again.kind in NUMERIC_KINDS and not any(i.check == "unreadable" for i in again.issues):
                repaired = ValueIssue(check="value_repaired",
                                      message=f"read '{text}' as '{mended}' (marks no value prints, as a scan's OCR leaves them)")
                return again.model_copy(update={"issues": (repaired, *again.issues)})
        return value
    except (ValueError, ArithmeticError) as exc:  # never let one cell stop a batch
        return Value(raw=raw, kind=Kind.NONE, issues=(_unreadable(text, str(exc)),))


#: Marks no printed value opens or ends with, as OCR leaves them: specks read as quotes, a ruling's stub
#: read as ``|`` or ``_``, a full stop or a comma after the number.
_SPECKS = r"\s\"“”'‘’`_|°™~*"
_STRAY_START = re.compile(f"^[{_SPECKS}]+")
_STRAY_END_NO_POINT = re.compile(f"(?:[{_SPECKS}]|\\s[-–—])+$")  # (a dash after a space: "73,91 -"; "1.000,-" prints one)
_STRAY_END = re.compile(f"(?:[{_SPECKS}.,:;]|\\s[-–—])+$")
_QUOTES = re.compile(r"(?<!\d)[\"“”`]|[\"“”`](?!\d)")  # (between two digits a quote is a misread separator: left, unread)
_BARE_NUMBER = re.compile(r"^[\d.,]+$")
# a colon read for a point inside an amount grouped by three ("1:207.000.000", "7.235.000:000"; a ratio "1:20", a
# time "07:30" or "1:1.000" is none), a semicolon read for the comma before a percentage's decimals ("38;26%")
_GROUPED_WITH_COLON = re.compile(r"(?<![\d.,:])\d{1,3}(?:[.:]\d{3})+(?![\d.,:])")
_SEMICOLON_DECIMALS = re.compile(r"(?<=\d);(?=\d{1,2}\s*%)")
_COMPARATOR_COLON = re.compile(r"^(?P<op>min(?:imal|imum)?|maks(?:imal|imum)?|max(?:imal|imum)?)\s*[:;,](?=\s*\d)", re.IGNORECASE)


def repair_marks(text: str) -> str | None:
    """The value a cell's text prints once the marks OCR makes of specks are put right, or None when
    there is nothing to put right: quotes and specks before or after it, a colon read for a point
    inside an amount grouped by three, a semicolon for the comma before a percentage's decimals,
    ``Maks:`` for ``Maks.``. Letters and digits are never
    changed, so a repaired value is one the cell holds (the reader notes it as ``value_repaired``).

    >>> repair_marks("Rp 1:207.000.000"), repair_marks("Minimal 38;26%"), repair_marks("Maks: 50%")
    ('Rp 1.207.000.000', 'Minimal 38,26%', 'Maks. 50%')
    >>> repair_marks('3,05" (skala 4)'), repair_marks("_ Rp4.396.000.000"), repair_marks('100%"'), repair_marks("80%.")
    ('3,05 (skala 4)', 'Rp4.396.000.000', '100%', '80%')
    >>> repair_marks("88."), repair_marks('88."')  # after a bare number a point may be a letter's: BB read 88.
    (None, '88.')
    >>> repair_marks("73,91 -"), repair_marks("“3.7 (skala4)"), repair_marks("Rp 7.235.000:000")
    ('73,91', '3.7 (skala4)', 'Rp 7.235.000.000')

    A colon or a semicolon that may mean what it prints, and a quote between digits, stay (the value unread):

    >>> [repair_marks(t) for t in ("1:20", "07:30 WIB", "35:133", "1:1.000", "80;85", "98`30%", "Rp 1“000.000")]
    [None, None, None, None, None, None, None]
    >>> repair_marks("80%") is None, repair_marks("18 Yo") is None
    (True, True)
    """
    core = _STRAY_START.sub("", text)
    mended = _STRAY_END.sub("", core)
    if _BARE_NUMBER.match(mended):  # a point or a comma after a bare number is no speck for sure: "88." may be "BB"
        mended = _STRAY_END_NO_POINT.sub("", core)
    mended = _QUOTES.sub("", mended)
    mended = _COMPARATOR_COLON.sub(lambda m: m["op"] + ".", mended)
    mended = _GROUPED_WITH_COLON.sub(lambda m: m.group().replace(":", ".") if "." in m.group() else m.group(), mended)
    mended = _SEMICOLON_DECIMALS.sub(",", mended)
    mended = " ".join(mended.split())
    return mended if mended and mended != text else None


def _unreadable(text: str, why: str = "") -> ValueIssue:
    extra = f" ({why})" if why else ""
    return ValueIssue(check="unreadable", message=f"cannot read a value from '{text}'{extra}")


def _collect(*issues: ValueIssue | None) -> tuple[ValueIssue, ...]:
    return tuple(i for i in issues if i is not None)


def _parse(raw: str, text: str, expect: Kind | None) -> Value:
    if text.casefold() in NONE_TOKENS:
        return Value(raw=raw, kind=Kind.NONE)
    if m := _LABEL_ONLY.match(text):
        label = m.group("label").upper()
        kind = Kind.OPINION if label in OPINIONS else Kind.GRADE
        return Value(raw=raw, kind=kind, label=label)

    comparator = None
    if m := _COMPARATOR.match(text):
        op = " ".join(m.group("op").casefold().split())
        if op[0] in "≥≤<>=":
            comparator = op[0] if op[0] != "=" else None
        elif op.startswith(_ABOUT):
            comparator = "±"
        elif op.startswith(_AT_LEAST):
            comparator = "≥"
        elif op.startswith(_AT_MOST):
            comparator = "≤"
        else:  # "kurang dari" / "lebih dari"
            comparator = "<" if op.startswith("kurang") else ">"
        text = text[m.end() :].strip()

    if (m := _MONEY.match(text)) or (
        (expect is Kind.RUPIAH or _MONEY_SHAPE.match(text)) and (m := _BARE_MONEY.match(text))
    ):
        return _money(raw, m, comparator)
    if m := _OUT_OF.match(text):
        value, issue = _num(m.group("num"))
        total, total_issue = _num(m.group("total"))
        unit = (m.group("unit") or "").strip() or None
        out_of = None
        if value is not None and total is not None and (total <= 0 or value > total):
            out_of = ValueIssue(check="exceeds_total",
                                message=f"'{clean_text(raw)}': {value:f} out of a total of {total:f} cannot be")
        return Value(raw=raw, value=value, kind=Kind.NUMBER, unit=unit, total=total, comparator=comparator,
                     issues=_collect(issue, total_issue, out_of))
    if _COMPOUND.match(text):
        return Value(raw=raw, kind=Kind.TEXT)  # several quantities ("14 Jenis dan 40 Kabupaten"): compare as text

    if m := _SCALE.match(text):
        value, issue = _num(m.group("num"))
        scale, _ = _num(m.group("scale"))
        sv_issue = None
        scale_value = value
        if m.group("sv"):
            scale_value, sv_issue = _num(m.group("sv"))
        return Value(
            raw=raw, value=value, kind=Kind.INDEX, scale=scale, scale_value=scale_value,
            comparator=comparator, issues=_collect(issue, sv_issue),
        )
    if m := _GRADE_SCORED.match(text):
        value, issue = _num(m.group("num"))
        return Value(raw=raw, value=value, kind=Kind.GRADE, label=m.group("label"), comparator=comparator, issues=_collect(issue))
    if m := _LEVEL.match(text):
        value, issue = _num(m.group("num") or m.group("level"))
        return Value(raw=raw, value=value, kind=Kind.INDEX, label=f"Level {m.group('level')}", comparator=comparator,
                     issues=_collect(issue))
    if m := _LABELLED.match(text):
        value, issue = _num(m.group("num"))
        label = m.group("label")
        kind = Kind.OPINION if label in OPINIONS else Kind.GRADE
        return Value(raw=raw, value=value, kind=kind, label=label, comparator=comparator, issues=_collect(issue))
    if m := _PERCENT.match(text):
        num = m.group("num")
        parsed = parse_number(num) or parse_number(num.replace(" ", ""))
        if parsed is not None:
            return Value(raw=raw, value=parsed[0], kind=Kind.PERCENT, comparator=comparator, issues=_collect(parsed[1]))
    if m := _RANGE.match(text):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is not None and b is not None and a[0] <= b[0]:
            kind = Kind.PERCENT if (m.group("pa") or m.group("pb")) else Kind.NUMBER
            return Value(raw=raw, kind=kind, low=a[0], high=b[0], comparator=comparator, issues=_collect(a[1], b[1]))
    if _PLAIN.match(text):
        parsed = parse_number(text)
        if parsed is not None:
            return Value(raw=raw, value=parsed[0], kind=Kind.NUMBER, comparator=comparator, issues=_collect(parsed[1]))
    if m := (_WITH_UNIT.match(text) or _RATIO.match(text)):
        parsed = parse_number(m.group("num"))
        unit = m.group("unit").strip()
        if parsed is not None and (unit.startswith("/") or _plausible_unit(unit)):
            return Value(
                raw=raw, value=parsed[0], kind=Kind.NUMBER, unit=unit, comparator=comparator,
                issues=_collect(parsed[1]),
            )
    if (m := _TRAILING_NOTE.match(text)) and re.search(r"\d", m.group("head")):
        head = _parse(raw, m.group("head"), expect)  # "140 Kelompok (1400 orang)": the note elaborates
        if head.value is not None and head.kind is not Kind.NONE:
            return head.model_copy(update={"comparator": head.comparator or comparator})

    letters = sum(ch.isalpha() for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    if not digits and letters:
        return Value(raw=raw, kind=Kind.TEXT)
    if letters >= 4 and letters / (letters + digits) >= 0.6:
        return Value(raw=raw, kind=Kind.TEXT)
    return Value(raw=raw, kind=Kind.NONE, issues=(_unreadable(text),))


def _plausible_unit(unit: str) -> bool:
    folded = unit.casefold()
    if folded in KNOWN_UNITS or folded.split()[0] in KNOWN_UNITS:
        return True
    first = unit.split()[0]
    return len(first) >= 3 and first.replace("/", "").replace(".", "").isalpha()


_THREE_DECIMALS = re.compile(r"^\d{1,3}(?:(?P<sep>[.,])\d{3})+(?!(?P=sep))(?P<mark>[.,])\d{3}$")  # 1.353.100,000


def _money(raw: str, m: re.Match[str], comparator: str | None) -> Value:
    num = m.group("num") or m.group("num2")
    mult = (m.group("mult") or (m.groupdict().get("mult2") or "")).casefold()
    parsed = parse_number(num)
    mixed = None
    if parsed is None and not mult and (_DIGIT_GROUPS.match(num) or (mixed := _MIXED_GROUPS.match(num))):
        # Two dots or more cannot hold a decimal point, and rupiah have no decimals: the digits are the
        # amount and one separator was dropped, misplaced or printed as the other mark. Read, and say so.
        if mixed is None:
            value = Decimal(num.replace(".", ""))
        else:
            value = Decimal(re.sub(r"\D", "", mixed.group("int")) + "." + mixed.group("cents"))
        issues = [ValueIssue(
            check="irregular_grouping",
            message=f"'{clean_text(raw)}' groups its digits irregularly; read as {value:f} from its digits",
        )]
        if value != value.to_integral_value():
            issues.append(ValueIssue(check="fractional_rupiah", message=f"'{clean_text(raw)}' is not a whole number of rupiah"))
        else:
            value = Decimal(int(value))
        return Value(raw=raw, value=value, kind=Kind.RUPIAH, comparator=comparator, issues=tuple(issues))
    if parsed is None:
        return Value(raw=raw, kind=Kind.NONE, issues=(_unreadable(clean_text(raw), "not an amount"),))
    value, issue = parsed
    if issue is not None and not mult and "." in num and "," not in num:
        issue = None  # "Rp 1.250": rupiah have no decimals, the dot groups thousands
    if issue is None and not mult and (three := _THREE_DECIMALS.match(num)):
        # "Rp 1.353.100,000": grouped thousands, then three digits after the decimal mark. Read as
        # written, but a misprinted separator (an OCR swap) makes the amount a thousand times more.
        issue = ValueIssue(
            check="ambiguous_separator",
            message=(f"'{clean_text(raw)}' has three digits after its decimal mark '{three.group('mark')}'; read as "
                     f"{value:f}; if that mark separates thousands too, the amount is {re.sub(r'[^0-9]', '', num)}"),
        )
    if mult:
        value = value * _MULTIPLIERS[mult]
    issues = list(_collect(issue))
    if value != value.to_integral_value():
        issues.append(ValueIssue(check="fractional_rupiah", message=f"'{clean_text(raw)}' is not a whole number of rupiah"))
    else:
        value = Decimal(int(value))
    return Value(raw=raw, value=value, kind=Kind.RUPIAH, comparator=comparator, issues=tuple(issues))


# --- formatting (the inverse, for people and for property tests) ------------------------


def format_number_id(value: Decimal, *, group: bool = True) -> str:
    """Format a Decimal the Indonesian way: dot thousands, comma decimals.

    >>> format_number_id(Decimal("1234567.89"))
    '1.234.567,89'
    >>> format_number_id(Decimal("-0.5"))
    '-0,5'
    """
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    intpart, _, frac = text.partition(".")
    if group:
        intpart = f"{int(intpart):,}".replace(",", ".")
    return sign + intpart + ("," + frac if frac else "")


def format_rupiah(amount: int) -> str:
    """>>> format_rupiah(7315466938000)
    'Rp 7.315.466.938.000'
    """
    return "Rp " + format_number_id(Decimal(amount))


def format_percent(value: Decimal) -> str:
    """>>> format_percent(Decimal("34.94"))
    '34,94%'
    """
    return format_number_id(value) + "%"
