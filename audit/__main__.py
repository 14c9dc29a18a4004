"""``python -m audit --checks``: the Markdown table of the registered checks (the README's)."""

from __future__ import annotations

import argparse

from audit.registry import markdown_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m audit", description=__doc__)
    parser.add_argument("--checks", action="store_true", help="print the table of checks as Markdown")
    parser.add_argument("--lang", choices=("id", "en"), default="en", help="language of the family names")
    args = parser.parse_args(argv)
    if not args.checks:
        parser.print_help()
        return 2
    print(markdown_table(args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
