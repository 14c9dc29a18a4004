"""``python -m normalize VALUE...``: one JSON object per value (raw, value, kind, unit, scale, label, comparator, low, high, total, issues).

With no VALUE arguments, values are read from standard input, one per line.
"""

from __future__ import annotations

import json
import sys

from normalize.values import Kind, parse_value

FIELDS = ("raw", "value", "kind", "unit", "scale", "scale_value", "label", "comparator", "low", "high", "total", "issues")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    expect = None
    if args[:1] == ["--rupiah"]:
        expect, args = Kind.RUPIAH, args[1:]
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        print("Options: --rupiah  read bare numbers as rupiah amounts")
        return 0
    values = args if args else [line.rstrip("\n") for line in sys.stdin]
    for raw in values:
        data = parse_value(raw, expect=expect).model_dump(mode="json")
        print(json.dumps({k: data[k] for k in FIELDS}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
