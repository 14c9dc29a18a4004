"""``python -m corpus.build`` (or ``python corpus/build``): build the seed PDFs in every layout."""

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python corpus/build`: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from corpus.build import main
else:
    from . import main

raise SystemExit(main())
