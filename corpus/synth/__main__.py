"""``python -m corpus.synth`` (or ``python corpus/synth``): write seeded synthetic dossiers and their truth."""

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python corpus/synth`: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from corpus.synth import main
else:
    from . import main

raise SystemExit(main())
