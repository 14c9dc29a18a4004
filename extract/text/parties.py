"""Who signs: parties from signature blocks, ``Nama : / Jabatan :`` blocks and SKP party tables.

Signature blocks are read as a queue: role labels (``Pihak Kedua,``), jabatan paragraphs and
names come in reading order and are paired first-in first-out; a NIP attaches to the name
before it. Information about one person from several places is merged by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from core.problems import Location
from extract.models import DocType, Party, Role
from extract.text.segment import Line
from normalize.text import clean_text, collapse, fold_key

NIP_RE = re.compile(r"^(?:NIP\.?\s*:?\s*)?(?P<nip>\d[\d ]{12,26}\d)$")  # wrong lengths reach nip_invalid
_NIP_WITH_LETTER = re.compile(r"^NIP\.?\s*:?\s*(?P<nip>\d[\d ]*[a-z][\d ]*\d)$")
_NOT_DIGIT = re.compile(r"\D")
SIGN_MARK = re.compile(r"^Ditandatangani\s+secara\s+elektronik$", re.IGNORECASE)
#: a place alone before its date's line ("Jakarta,"); compiled once: parse_place_date is asked of every line a
#: table reader meets (37,550 times on the 60 built PDFs, where the regex module's lookup of an inline pattern
#: cost two thirds of its time)
_PLACE_ONLY = re.compile(r"^(?P<place>[A-Z][a-z'-]{2,30}),$")
PLACE_DATE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Za-z .'-]{2,40}),\s*)?(?P<date>(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Z][a-z]+)?\s*(?P<year>\d{4}))?$"
)
MONTHS = {
    m: i
    for i, m in enumerate(
        "januari februari maret april mei juni juli agustus september oktober november desember".split(), start=1
    )
}
ROLE_LABELS = [
    (re.compile(r"^Pihak\s*(?:Kedua)\b", re.IGNORECASE), Role.PIHAK_KEDUA),
    (re.compile(r"^Pihak\s*(?:Pertama|Kesatu)\b", re.IGNORECASE), Role.PIHAK_PERTAMA),
    (re.compile(r"^Pegawai\s+yang\s+Dinilai\b", re.IGNORECASE), Role.PEGAWAI),
    (re.compile(r"^Pejabat\s+Penilai(?:\s+Kinerja)?\b", re.IGNORECASE), Role.PEJABAT_PENILAI),
    # PP 46/2011's penilaian prestasi kerja: "Atasan Pejabat Penilai," (or "… Yang Menilai,") under "Diterima tanggal"
    (re.compile(r"^Atasan\s+Pejabat\s+Penilai\b", re.IGNORECASE), Role.ATASAN_PEJABAT_PENILAI),
]
JABATAN_WORDS = re.compile(
    r"\b(?:Menteri|Direktur|Jenderal|Kepala|Gubernur|Bupati|Wali\s*kota|Walikota|Sekretaris|Inspektur|Pj\.|Plt\.|"
    r"Plh\.|Camat|Lurah|Ketua|Deputi|Asisten|Kabid|Kasi|Kasubag|Kepala\s+Bidang|Kepala\s+Seksi|Pejabat|Pimpinan)\b",
    re.IGNORECASE,
)
#: A line of body text at least this long (characters): the narrative pages of the real reports and agreements
#: run 70-90 characters a line (the LKjIP of Inspektorat Jombang: 80-88 in its Kata Pengantar), a signature
#: block's lines well under it ("INSPEKTUR KABUPATEN JOMBANG", 27).
PROSE_LINE = 60
_LOWER_WORD_START = re.compile(r"^\p{Ll}{2,}(?=[\s,;/-]|$)")
_STOPS = (".", ":", ";", "!", "?")
# a civil-service rank under a signer's name ("Pembina Utama Madya", "Penata Tk. I", "Pembina, IV/a")
PANGKAT_RE = re.compile(
    r"^(?:Pembina|Penata|Pengatur|Juru)(?:\s+(?:Utama|Madya|Muda|Tingkat|Tk\.?)){0,3}(?:\s*(?:I{1,2}|1|2))?"
    r"(?:\s*,?\s*\(?(?:I{1,3}|IV)\s*/\s*[a-e]\)?)?\.?$",
    re.IGNORECASE,
)
NAME_RE = re.compile(r"^(?:(?:Dr|Drs|Ir|H|Hj|Prof|dr)\.?\s+)*[\p{Lu}][\p{L}.'-]*(?:,?\s+[\p{Lu}][\p{L}.'-]*){0,5}(?:,\s*[\p{L}.]+(?:\s+\p{Lu}\p{L}*\.)*)*$")


def parse_place_date(text: str) -> tuple[str | None, str | None, tuple[int, int, int] | None] | None:
    """``"Jakarta, 30 Januari 2024"`` -> ``("Jakarta", "30 Januari 2024", (2024, 1, 30))``.

    >>> parse_place_date("Jakarta, 30 Januari 2024")
    ('Jakarta', '30 Januari 2024', (2024, 1, 30))
    >>> parse_place_date("Jakarta, Januari 2024")
    ('Jakarta', 'Januari 2024', None)
    >>> parse_place_date("30 Januari 2024")
    (None, '30 Januari 2024', (2024, 1, 30))
    >>> parse_place_date("Jakarta,")
    ('Jakarta', None, None)
    """
    text = collapse(text)
    m = _PLACE_ONLY.match(text)
    if m:
        return m.group("place").strip(), None, None
    m = PLACE_DATE.match(text)
    if not m or not m.group("date"):
        return None
    month = m.group("month")
    if month and month.casefold() not in MONTHS:
        return None
    if not month and m.group("day"):
        return None
    if not month and not m.group("place"):
        return None
    ymd = None
    if m.group("day") and month:
        ymd = (int(m.group("year")), MONTHS[month.casefold()], int(m.group("day")))
    place = m.group("place").strip() if m.group("place") else None
    return place, collapse(m.group("date")), ymd


def nip_of(text: str) -> str | None:
    """>>> nip_of("NIP. 19600803 199003 1 005"), nip_of("NIP. 19620927n199103 1 004")
    ('196008031990031005', '196209271991031004')
    """
    m = NIP_RE.match(collapse(text))
    if m:
        return _NOT_DIGIT.sub("", m.group("nip"))
    # a labelled NIP with one stray letter typed between its digits ("NIP. 19620927n199103 1 004")
    m = _NIP_WITH_LETTER.match(collapse(text))
    digits = _NOT_DIGIT.sub("", m.group("nip")) if m else ""
    return digits if len(digits) == 18 else None


@dataclass
class Signer:
    name: str
    jabatan: str | None = None
    role: Role | None = None
    nip: str | None = None
    pangkat: str | None = None
    line: int | None = None


@dataclass
class SignatureScan:
    signers: list[Signer] = field(default_factory=list)
    e_signed: bool = False
    place: str | None = None
    date_raw: str | None = None
    ymd: tuple[int, int, int] | None = None


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line.blank or line.is_tab_row or line.is_pipe_row:
            if cur:
                paras.append(cur)
            cur = []
            continue
        cur.append(line)
    if cur:
        paras.append(cur)
    return paras


def looks_like_name(text: str) -> bool:
    text = collapse(text)
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text) or text.endswith((",", ":")):
        return False
    if JABATAN_WORDS.search(text) or SIGN_MARK.match(text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    return bool(NAME_RE.match(text))


def scan_signatures(runs: list[list[Line]], known_names: list[str] | None = None) -> SignatureScan:
    """Read the signature blocks in runs of a document's text lines (tables cut the runs).

    A name counts only in a signature context: right after an e-signature mark, a jabatan,
    a role label or a place and date, or right before a NIP. Role labels and jabatans are
    paired with the names of their own run, in reading order.
    """
    scan = SignatureScan()
    known = {fold_key(n): n for n in known_names or []}
    for run in runs:
        _scan_run(run, scan, known)
    return scan


def _scan_run(lines: list[Line], scan: SignatureScan, known: dict[str, str]) -> None:
    roles: list[Role] = []
    jabatans: list[str] = []
    first = len(scan.signers)
    flat = [ln for para in _paragraphs(lines) for ln in para]
    prev = ""  # kind of the previous line: sign | jabatan | jabatan-open | role | place | name | nip | other
    for pos, line in enumerate(flat):
        text = line.text
        nxt = flat[pos + 1].text if pos + 1 < len(flat) else ""
        # a jabatan printed over several capital lines ("KEPALA BADAN …" / "DAERAH, PENELITIAN …" /
        # "KABUPATEN …"), the name after the signing space: a line right under it that no NIP or rank follows,
        # and that some line follows (the last capital line of a block is its signer's name, NIP or not)
        wrapped = (prev == "jabatan" and pos > 0 and line.no == flat[pos - 1].no + 1 and not any(c.islower() for c in text)
                   and not flat[pos - 1].text.endswith(",")  # "Menteri Perhubungan," is closed: a name follows
                   and nip_of(nxt) is None and not PANGKAT_RE.match(nxt) and not nip_of(text) and not PANGKAT_RE.match(text)
                   and pos + 1 < len(flat) and (flat[pos + 1].no != line.no + 1 or not any(c.islower() for c in nxt)))
        if (prev == "jabatan-open" or wrapped) and len(text) < 80 and not JABATAN_WORDS.search(text) and not SIGN_MARK.match(text):
            jabatans[-1] = collapse(f"{jabatans[-1]} {text}").rstrip(",").strip()
            prev = "jabatan" if text.endswith(",") or wrapped else "jabatan-open"
            continue
        if SIGN_MARK.match(text):
            scan.e_signed = True
            prev = "sign"
            continue
        pd = parse_place_date(text)
        if pd is not None:
            place, date_raw, ymd = pd
            scan.place = scan.place or place
            if date_raw and (scan.date_raw is None or (ymd and not scan.ymd)):
                scan.date_raw, scan.ymd = date_raw, ymd
            prev = "place"
            continue
        role = next((r for p, r in ROLE_LABELS if p.match(text)), None) or _garbled_role(text)
        if role is not None and len(text) < 40:
            roles.append(role)
            prev = "role"
            continue
        if PANGKAT_RE.match(text) and prev == "name" and scan.signers:
            # the rank printed between a signer's name and NIP belongs to that signer
            if scan.signers[-1].pangkat is None:
                scan.signers[-1].pangkat = collapse(text)
            continue
        nip = nip_of(text)
        if nip is not None or (text == "-" and prev == "name"):
            if scan.signers and scan.signers[-1].nip is None and prev == "name":
                scan.signers[-1].nip = nip
            prev = "nip"
            continue
        in_context = prev in ("sign", "jabatan", "role", "place", "name") or nip_of(nxt) is not None
        names = _split_known(text, known)
        if names:
            for name in names:
                _add_signer(scan, name, roles, jabatans, line.no, first)
            prev = "name" if len(names) == 1 else "names"  # a NIP under two names side by side is ambiguous
            continue
        if in_context and looks_like_name(text):
            _add_signer(scan, collapse(text), roles, jabatans, line.no, first)
            prev = "name"
            continue
        # the last words of a paragraph's sentence ("… disampaikan kepada" / "Bupati Jombang.") are no jabatan:
        # a line that starts with a word in lower case ("a.n. Sekretaris Daerah" starts with an abbreviation),
        # or goes on with the sentence of a line of body text right above it (one that ends in no stop)
        above = flat[pos - 1].text.rstrip() if pos > 0 else ""
        words = text.split()
        prose = bool(_LOWER_WORD_START.match(text)) or (
            prev == "other" and line.no == flat[pos - 1].no + 1 and len(above) >= PROSE_LINE and not above.endswith(_STOPS)
        ) or (len(text) >= PROSE_LINE and 2 * sum(w[:1].islower() for w in words) > len(words))  # a sentence of its own
        if JABATAN_WORDS.search(text) and len(text) < 120 and not re.match(r"^\d", text) and not prose:
            jabatans.append(collapse(text).rstrip(",").strip())
            wraps = not text.endswith(",") and nxt.endswith(",") and not JABATAN_WORDS.search(nxt)
            prev = "jabatan-open" if wraps else "jabatan"
            continue
        prev = "other"


def _split_known(text: str, known: dict[str, str]) -> list[str]:
    """A line made only of known names (two signatures side by side) -> those names."""
    if not known:
        return []
    key = fold_key(text)
    if key in known:
        return [known[key]]
    for k1, n1 in known.items():
        if key.startswith(k1) and key[len(k1):] in known:
            return [n1, known[key[len(k1):]]]
    return []


def _add_signer(scan: SignatureScan, name: str, roles: list[Role], jabatans: list[str], line: int, first: int) -> None:
    index = len(scan.signers) - first
    signer = Signer(name=name, line=line)
    if index < len(jabatans):
        signer.jabatan = jabatans[index]
    if index < len(roles):
        signer.role = roles[index]
    scan.signers.append(signer)


# --- "Nama : … / Jabatan : …" blocks ------------------------------------------------------

KV_RE = re.compile(r"^(?P<key>Nama|NIP|Jabatan|Unit\s+Kerja|Pangkat(?:\s*/\s*Gol(?:ongan)?\.?(?:\s*Ruang)?)?)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
ROLE_SENTENCE = re.compile(r"\bPihak\s+(?P<which>Pertama|Kesatu|Kedua)\b", re.IGNORECASE)


@dataclass
class KVPerson:
    fields: dict[str, str] = field(default_factory=dict)
    role: Role | None = None
    line: int | None = None


def scan_kv_blocks(lines: list[Line]) -> list[KVPerson]:
    people: list[KVPerson] = []
    cur: KVPerson | None = None
    last_key: str | None = None  # a jabatan value may wrap onto the next line
    for line in lines:
        if line.is_tab_row or line.is_pipe_row:
            last_key = None
            continue
        text = line.text
        m = KV_RE.match(text)
        if m:
            key = m.group("key").casefold().split()[0]
            key = "unit_kerja" if key == "unit" else "pangkat" if key.startswith("pangkat") else key
            if key == "nama" or cur is None:
                cur = KVPerson(line=line.no)
                people.append(cur)
            cur.fields[key] = collapse(m.group("value"))
            last_key = key if key in ("jabatan", "unit_kerja") and cur.fields[key] else None
            continue
        if (
            cur is not None and last_key is not None and text and len(text) <= 60 and ":" not in text
            and not re.search(r"\b(?:disebut|selaku|PIHAK)\b", text, re.IGNORECASE)
        ):
            cur.fields[last_key] = collapse(f"{cur.fields[last_key]} {text}")
            last_key = None
            continue
        last_key = None
        if cur is not None and cur.role is None and "disebut" in text.casefold():
            found = ROLE_SENTENCE.findall(text)
            if found:
                which = found[-1].casefold()
                cur.role = Role.PIHAK_KEDUA if which == "kedua" else Role.PIHAK_PERTAMA
            cur = None
    return people


# --- SKP party table: PEGAWAI YANG DINILAI / PEJABAT PENILAI KINERJA ---------------------------

SKP_LABEL = re.compile(r"\b(?P<label>NAMA|NIP|PANGKAT\s*/\s*GOL\.?(?:\s*RUANG)?|JABATAN|UNIT\s+KERJA)\b")
# the block's own headings, and a label's second line ("PANGKAT/ GOL." over "RUANG"), between the values
_SKP_HEADING = re.compile(r"^(?:NO|\d{1,2}\.?|PEGAWAI\s+YANG(?:\s+DINILAI)?|DINILAI|PEJABAT\s+PENILAI(?:\s+KINERJA)?|KINERJA|RUANG|HASIL\s+KERJA)$")


def skp_block(lines: list[Line]) -> tuple[int, int, list[str]] | None:
    """Where the PEGAWAI YANG DINILAI / PEJABAT PENILAI KINERJA block runs (first and last index
    in ``lines``) and its text pieces in reading order, or None when the document has none."""
    # the heading may wrap ("PEGAWAI YANG" / "DINILAI") when the block is read column by column
    start = next((i for i, ln in enumerate(lines)
                  if re.search(r"PEGAWAI\s+YANG\s+DINILAI", ln.text)
                  or (re.search(r"PEGAWAI\s+YANG$", ln.text) and i + 1 < len(lines) and lines[i + 1].text.startswith("DINILAI"))), None)
    if start is None:
        return None
    tokens: list[str] = []
    names = 0
    end = start
    for k in range(start + 1, len(lines)):
        line, text = lines[k], lines[k].text
        # "HASIL KERJA" under the first column comes before the second when read column by column
        second_column_next = any(re.match(r"^(?:NO\s+)?PEJABAT\s+PENILAI", ln.text) for ln in lines[k + 1 : k + 4])
        if re.search(r"RENCANA\s+HASIL\s+KERJA|^DUKUNGAN|^SKEMA", text) or (
                re.match(r"^HASIL\s+KERJA", text) and (names >= 2 or not second_column_next)):
            break
        end = k
        if line.is_tab_row:
            cells = [clean_text(c) for c in line.raw.split("\t")]
            tokens.extend(c for c in cells if c and not re.fullmatch(r"\d{1,2}\.?", c))
        elif text and not _SKP_HEADING.match(text.strip()):
            tokens.append(text)
        names += len(re.findall(r"\bNAMA\b", text))
    return start, end, tokens


def scan_skp_parties(lines: list[Line], file: str) -> list[Party]:
    """Read the two-column PEGAWAI YANG DINILAI / PEJABAT PENILAI KINERJA block.

    Labels come in pairs in reading order (pegawai's first, then the penilai's), in a tab
    table, in a layout where both columns share a line, or column by column.
    """
    block = skp_block(lines)
    if block is None:
        return []
    start, _, tokens = block
    stream = collapse(" ".join(tokens))
    matches = list(SKP_LABEL.finditer(stream))
    seen: dict[str, int] = {}
    people: list[dict[str, str]] = [{}, {}]
    for i, m in enumerate(matches):
        label = m.group("label").split()[0].split("/")[0]
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stream)
        value = stream[m.end() : end].strip().lstrip(".: ").rstrip(":").strip()  # "GOL. :" leaves ". :" before the value
        which = seen.get(label, 0)
        seen[label] = which + 1
        if which < 2:
            people[which][label] = value
    out: list[Party] = []
    for role, fields in zip((Role.PEGAWAI, Role.PEJABAT_PENILAI), people, strict=True):
        if not fields.get("NAMA"):
            continue
        nip = nip_of(fields.get("NIP", ""))
        out.append(Party(
            role=role, name=fields["NAMA"], nip=nip,
            pangkat=_dash_none(fields.get("PANGKAT")), jabatan=_dash_none(fields.get("JABATAN")),
            unit_kerja=_dash_none(fields.get("UNIT")), location=Location(file=file, line=lines[start].no),
        ))
    return out


def _dash_none(text: str | None) -> str | None:
    text = collapse(text)
    return None if text in ("", "-") else text.rstrip(",").strip()


# --- putting it together -------------------------------------------------------------------


def resolve_parties(
    doc_type: DocType,
    runs: list[list[Line]],
    file: str,
    title_jabatan: str | None,
    table_parties: list[Party],
) -> tuple[list[Party], SignatureScan]:
    """All parties of one document, merged by name, with roles by label, title or position."""
    kv_people = scan_kv_blocks([ln for run in runs for ln in run])
    # names announced in "Nama : …" blocks are recognised again under the signatures
    known = [p.name for p in table_parties] + [k.fields["nama"] for k in kv_people if k.fields.get("nama")]
    sig = scan_signatures(runs, known)
    parties: list[Party] = list(table_parties)

    def find(name: str) -> Party | None:
        key = fold_key(name)
        return next((p for p in parties if p.name_key == key), None)

    def merge(p: Party, **fields: str | None) -> None:
        for k, v in fields.items():
            if v and not getattr(p, k):
                setattr(p, k, v)

    for person in kv_people:
        name = person.fields.get("nama")
        if not name:
            continue
        existing = find(name)
        fields = {
            "nip": nip_of(person.fields.get("nip", "")),
            "jabatan": person.fields.get("jabatan"),
            "unit_kerja": person.fields.get("unit_kerja"),
            "pangkat": person.fields.get("pangkat"),
        }
        if existing is None:
            if person.role is None and doc_type not in (DocType.PK, DocType.RENCANA_AKSI):
                continue
            existing = Party(role=person.role or Role.PIHAK_PERTAMA, name=name, location=Location(file=file, line=person.line))
            parties.append(existing)
        merge(existing, **fields)

    signers = _join_split_names(sig.signers)
    two_party = doc_type in (DocType.PK, DocType.RENCANA_AKSI)
    skp_like = doc_type in (DocType.SKP, DocType.LAMPIRAN_SKP)
    for index, s in enumerate(signers):
        existing = find(s.name) or _like(s, parties)
        if existing is not None:
            merge(existing, nip=s.nip, jabatan=s.jabatan, pangkat=s.pangkat)
            continue
        if two_party:
            role = s.role or _two_party_role(index, s, signers, title_jabatan)
        elif skp_like:
            role = s.role or (Role.PEGAWAI if index == 0 else Role.PEJABAT_PENILAI)
        else:
            role = Role.PENANDATANGAN
        if any(p.role is role for p in parties) and role is not Role.PENANDATANGAN:
            continue
        parties.append(Party(
            role=role, name=s.name, nip=s.nip, jabatan=s.jabatan, pangkat=s.pangkat, location=Location(file=file, line=s.line),
        ))
    order = list(Role)
    parties.sort(key=lambda p: order.index(p.role))
    return parties, sig


_GARBLED_ROLE = re.compile(r"^(?P<pihak>\p{Lu}{4,6})\s+(?P<which>KESATU|PERTAMA|KEDUA)$")


def _garbled_role(text: str) -> Role | None:
    """``PIHAK KESATU`` with its first word garbled by a signature's ink (``PWMAK KESATU``): a
    capitalised word like ``PIHAK`` (rapidfuzz ratio 60 at least) and the party's ordinal.

    >>> _garbled_role("PWMAK KESATU"), _garbled_role("PIHAK KEDUA"), _garbled_role("TINE KESATU")
    (<Role.PIHAK_PERTAMA: 'pihak_pertama'>, <Role.PIHAK_KEDUA: 'pihak_kedua'>, None)
    """
    from rapidfuzz import fuzz  # noqa: PLC0415

    m = _GARBLED_ROLE.match(text.strip())
    if m is None or fuzz.ratio(m.group("pihak"), "PIHAK") < 60:
        return None
    return Role.PIHAK_KEDUA if m.group("which") == "KEDUA" else Role.PIHAK_PERTAMA


# a whole name opens with its title; a garbled "PIHAK KESATU" ("IHAK KESATU") is a label, not half a name
_TITLE_START = re.compile(r"^(?:Ir|Drh|Drg|Dr|Drs|Dra|Hj|H|Prof|Kol|Brigjen)\.\s*\S")
_ROLE_WORD = re.compile(r"KESATU|KEDUA|PERTAMA|PIHAK", re.IGNORECASE)


def _join_split_names(signers: list[Signer]) -> list[Signer]:
    """A signature scrawled over a name cuts it in two lines (``Ir. R. ABD`` / ``H FATHUL ALIM, MP``):
    a signer with a name but no rank or NIP, followed on the very next line by one with rank or NIP
    but no role, is one signer, unless the second opens with a title (a whole name) or the first
    is a party's label read badly."""
    out: list[Signer] = []
    for s in signers:
        prev = out[-1] if out else None
        if (prev is not None and not prev.nip and not prev.pangkat and s.role is None and (s.nip or s.pangkat)
                and len(prev.name.split()) <= 4 and prev.line is not None and s.line == prev.line + 1
                and not _TITLE_START.match(s.name) and not _ROLE_WORD.search(prev.name)):
            out[-1] = Signer(name=f"{prev.name} {s.name}", jabatan=prev.jabatan or s.jabatan, role=prev.role, nip=s.nip, pangkat=s.pangkat,
                             line=prev.line)
            continue
        out.append(s)
    return out


def _like(signer: Signer, parties: list[Party]) -> Party | None:
    """The party of the signer's role whose name the signature's (garbled) name resembles."""
    if signer.role is None:
        return None
    for p in parties:
        if p.role is signer.role and fuzz.ratio(fold_key(p.name), fold_key(signer.name)) >= NAME_LIKE:
            return p
    return None


NAME_LIKE = 80  # rapidfuzz ratio of the folded names: 'Ir. R. ABD H FATHUL ALIM, MP' against 'Ir. R. ABDULLAH FATHUL ALIM, MP' is 90


def _two_party_role(index: int, signer: Signer, signers: list[Signer], title_jabatan: str | None) -> Role:
    """Pihak Kedua (the superior) signs on the left, so it is read first, unless the title names the other."""
    if title_jabatan:
        key = fold_key(title_jabatan)
        match = [i for i, s in enumerate(signers) if s.jabatan and fold_key(s.jabatan) == key]
        if match:
            return Role.PIHAK_PERTAMA if index == match[0] else Role.PIHAK_KEDUA
    if len(signers) == 1:
        return Role.PIHAK_PERTAMA
    return Role.PIHAK_KEDUA if index == 0 else Role.PIHAK_PERTAMA
