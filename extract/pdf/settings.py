"""The thresholds of the PDF reader's page triage and scan path, in one frozen object.

In the manner of pdfplumber's ``TableSettings``: every number the reader decides by is a field
here, with the measurement it was chosen by, and one :class:`PdfSettings` is passed down from
the caller (``run_pipeline.py --prefer-ocr``, ``pipeline.RunOptions.pdf``,
``extract.read.read_file(pdf=...)``, ``extract.pdf.read_pdf(settings=...)``) instead of being
read from the environment (the former ``KINERJA_PDF_PREFER_OCR`` is ``prefer_ocr``). A sweep
over one threshold is ``replace(DEFAULT, field=value)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

PreferOcr = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class PdfSettings:
    """How pages are triaged and scans are read. Sizes in points are at the page's scale (a
    scan is rendered at ``dpi`` for the raster passes: 1 pt = ``dpi / 72`` px)."""

    # --- whether and how scans are read by OCR ------------------------------------------------------
    ocr: bool = True  # False: a scan without a usable text layer is reported unread (``page_unread``)
    # a scan that carries its own OCR layer: "auto" reads it again and keeps the reading with more real
    # words (tesseract's word lists; Kabid_Produksi 38 -> 12 differences from the golden, 78 -> 19 over
    # four real scans), "always" replaces the layer, "never" keeps it (fast: no OCR at all)
    prefer_ocr: PreferOcr = "auto"

    # --- page triage ----------------------------------------------------------------------------------
    garbage_limit: float = 0.4  # a text layer with more non-word tokens than this share is unusable
    scan_image_cover: float = 0.5  # an image over this share of the page makes it a scan ...
    scan_image_cover_no_text: float = 0.05  # ... or over this share on a page without usable text
    ruled_edges: int = 6  # a page with this many vector ruling edges and usable text is digital, whatever its background
    # a page with usable text and this share of its words outside every picture is digital (a slide, a report
    # page with a figure): a scan's OCR layer lies on its image (every real scan of tests/fixtures/pdf: 0 words
    # outside); a generated 17-page slide deck (tests/extract/pdf/slides.py) had all its words beside its pictures
    text_beside_pictures: float = 0.5

    # --- the scan image, before OCR (extract.pdf.raster) ----------------------------------------------
    dpi: int = 300  # scans are rendered at this resolution (150-dpi scans come out upscaled)
    # the paper is divided out (grey paper, uneven toner, shaded cells -> white): a closing this wide
    # (25 px) fills every stroke, bold type included. A shaded header read 'Na ran ae' for 'Indikator
    # Kinerja' (tesseract's one global threshold fell between white and the shade): seed 1 file 0 read
    # 4 of 181 fields, 170 of 180 once flattened
    paper_kernel_pt: float = 6.0
    # ... only where the paper is not white: the 1st percentile of the paper under this level (grey paper,
    # uneven toner, shading over 1 % of the page). The real scans of tests/fixtures/pdf measure 251-255 and
    # the built scans 255 (left as scanned); the generated grey, uneven and shaded scans 191-246
    paper_white: int = 248
    speck_size_pt: float = 1.9  # a round blot at most this wide and high (8 px) may be dust ...
    speck_gap_pt: float = 2.9  # ... and is, with no other ink within this distance (12 px): dots of text have letters near
    speck_ink: int = 224  # on flattened paper, what is darker counts as ink for the speck search (faint specks too)
    # specks are removed only from a page that has this many: the real scans have 1-29 isolated blots, the
    # built scans none, a generated scan with light speckle (0.05 % of pixels) 380-900
    min_specks: int = 100
    max_skew: float = 5.0  # degrees: pages skewed more are not turned back
    min_skew: float = 0.1  # degrees: less is left as it is
    # a page turned sideways or upside down is turned upright when tesseract's orientation detection
    # (osd) is this sure; the real scans' correct turns scored 4.5-14.6
    orientation_confidence: float = 3.0
    # ... and asked first, before any reading, when the page's ink runs down rather than across
    # (``raster.sideways_ratio``: the pieces of ink smeared across by ``sideways_smear_pt`` over those smeared
    # down). Upright, 136 pages of 70 generated scans measure 0.15-0.87, 9 pages upside down 0.19-0.32 and
    # 103 pages of the real PDFs 0.10-0.87; the 4 pages turned a quarter 2.42-4.47. A page read sideways
    # first cost 27.9 s against 4.6 s upright (the builder's DJPK PK, page 1): its garbage is read in full
    sideways_ratio: float = 1.5
    sideways_smear_pt: float = 2.9  # 6 px at half of 300 dpi: the gap between letters, under a line gap
    sideways_min_pieces: int = 40  # fewer pieces (a signature page): too little text to tell, the page is read first
    # ... and the detection is asked only when the page's reading is not upright: under this share of
    # its words (four letters or more, not capitals) in the language's word lists, or fewer than
    # ``upright_min_words`` such words. Read upright, 9 pages of four real scans scored 0.989-1.0 and 14
    # pages of eight generated scans 0.866-1.0; the same pages read turned 90 or 180 degrees 0.0-0.667
    # (tesseract reads some sideways lines as vertical text)
    upright_known_share: float = 0.8
    upright_min_words: int = 10
    # a page whose page layout passed over whole lines of text (``ocr.missed_lines``: a ruled table's
    # rows set tight, their letters on the rulings) is read again with its rulings blanked, and that
    # reading kept when it holds this many times the real words of the first: a generated scan's page
    # (seed 2 file 13, 150 dpi) read 127 with its rulings and 201 without; a page with one line missed
    # (file 14) 81 and 84, its table read worse the second way
    reread_known_share: float = 1.1
    # ... with the first reading's sure words where it reads none, unless over this share of such a word's box lies on
    # ruling lines (a vertical ruling read "1" fills a third to a half of its narrow box; a word beside a ruling, its
    # underline or its column's edge, a few per cent)
    reread_ruling_share: float = 0.25

    # a horizontal run of ink is a ruling line unless it runs through a line of type: blurred bold type runs its
    # letters together at mid-height for a ruling's length (w/25, 140 px) and blanking that run cut every letter
    # ('Meningkatnya partisipasi' read 'MENINGRainya TA par parusipast'). Such a run, at most
    # ``strike_max_thickness_pt`` thick, with ink in over ``strike_ink_share`` of its columns both in the band
    # ``strike_band_pt`` (from, to) above it and in the band below, is the type's: over the generated scans of both
    # benchmark seeds and the real scans, the runs of a page's width (rulings) measure under 0.4 on their emptier
    # side, 0.0-0.2 as a rule (a row set tight crosses a ruling here and there); runs through blurred type 0.4-0.98,
    # most over 0.5.
    # A ruling one cell long between rows of bold type set tight measures like type (0.6 and over, blurred): a run
    # whose ends meet a vertical ruling (within the band's far edge) is a ruling whatever it measures. A vertical
    # run is a ruling when ``strike_ruling_min_pt`` long at least: the vertical runs of a page are those a 40th of
    # its height long, which on a short image (or for type over 14 pt on a landscape page) takes in letters' stems
    # (30-px bold type, 7 pt, on a 1,200-px image; a 16-pt capital's stem is 11 pt); a ruling of a table's grid runs
    # on across its rows, but one row's alone may be short: at 24 pt a generated SKP scan lost an item's name
    strike_band_pt: tuple[float, float] = (0.5, 1.25)
    strike_ink_share: float = 0.5
    strike_max_thickness_pt: float = 2.0
    strike_ruling_min_pt: float = 12.0

    # pictures (photographs, charts) on an image-only page are blanked before OCR: windows of this size
    # where over ``picture_share`` of the pixels are mid-tones, in one piece of ``picture_min_area_pt2`` or more
    # (4 square inches: more than a shaded header band). A slide's photograph took 9.7 s of OCR for no word
    picture_window_pt: float = 36.0
    picture_share: float = 0.5
    picture_min_area_pt2: float = 4 * 72.0 * 72.0

    # shaded bands and headers are found on the page's shading (the page with its text closed over:
    # a closing this wide and high, at a quarter of the scan's size) before the paper is flattened; their
    # edges cut the rows of a table without ruling lines. Bands are ``shade_contrast`` darker than the
    # lightest paper within ``shade_reference_pt`` (uneven toner stays paper): the generated bands are 12 %
    # darker than their paper (a grey toner's 5-9 %), JPEG blocks at quality 20 move 1-2 %; text left by the
    # closing is words wide: a band is ``band_min_width_pt`` wide at least (a bold heading left 37-42 pt)
    shade_kernel_pt: tuple[float, float] = (20.0, 4.0)
    shade_reference_pt: float = 150.0
    shade_contrast: float = 0.04
    band_min_width_pt: float = 60.0
    band_min_height_pt: float = 4.0

    # --- OCR words ------------------------------------------------------------------------------------
    low_confidence: float = 60.0  # a cell or a word with digits below this becomes ``ocr_low_confidence``
    # a file's scanned value cells that print decimals with a comma (``34,94``) make a decimal read with a
    # dot before one or two digits (``34.94``: no thousands separator) a comma misread, when there are
    # at least ``comma_decimals_min`` of them and ``comma_decimals_ratio`` times as many as those read with
    # a dot: the generated scans read 3-40 commas a file where they print commas, and 1-7 dots among
    # them (a comma's tail lost in a grey ruling or a blur)
    comma_decimals_min: int = 3
    comma_decimals_ratio: float = 2.0
    # a file's scanned value cells that read "N/A" with its slash (or with the slash read as a letter or a stroke:
    # NIA, NYA, N1A) at least as often as without it make a bare "NA" a slash lost: generated scan s2/14 (150 dpi,
    # narrow type), which prints N/A, reads 2 of its 4 not-applicable value cells NYA and 2 NA; a file that prints
    # NA reads no slash at all (N/A read NA: seed 1 3 -> 0, seed 2 9 -> 7 with this pass; no cell made N/A wrongly)
    not_applicable_slashed_share: float = 0.5

    def with_prefer_ocr(self, value: bool | str | None) -> PdfSettings:
        """The settings with ``prefer_ocr`` from a flag: True/'always', False/'never', None/'auto'."""
        mapping = {True: "always", False: "never", None: "auto", "always": "always", "never": "never", "auto": "auto"}
        if value not in mapping:
            raise ValueError(f"prefer_ocr must be auto, always or never, not {value!r}")
        return replace(self, prefer_ocr=mapping[value])

    @property
    def scale(self) -> float:
        """Pixels per point of a rendered scan."""
        return self.dpi / 72


DEFAULT = PdfSettings()
