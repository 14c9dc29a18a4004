"""Numbers as Indonesian documents print them: dot thousands, decimal comma, exact rupiah."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_PLAIN_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def thousands(n: int) -> str:
    """
    >>> thousands(7315466938000), thousands(-10000000), thousands(0)
    ('7.315.466.938.000', '-10.000.000', '0')
    """
    return f"{n:,}".replace(",", ".")


def rupiah(amount: int | None) -> str | None:
    """
    >>> rupiah(79534353000), rupiah(-10000000), rupiah(None)
    ('Rp 79.534.353.000', 'Rp -10.000.000', None)
    """
    return None if amount is None else f"Rp {thousands(amount)}"


def decimal_id(value: Decimal, places: int | None = None) -> str:
    """A decimal with a comma, quantized to ``places`` (half up) when given.

    >>> decimal_id(Decimal("34.94")), decimal_id(Decimal("1250")), decimal_id(Decimal("98.5"), 2)
    ('34,94', '1.250', '98,50')
    """
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    text = sign + thousands(int(whole))
    return f"{text},{frac}" if frac else text


def percent(value: Decimal, places: int = 2) -> str:
    """
    >>> percent(Decimal("98.5")), percent(Decimal("100"))
    ('98,50%', '100,00%')
    """
    return f"{decimal_id(value, places)}%"


def parse_plain(text: str | None) -> Decimal | None:
    """A plain decimal string as the tables write it (``34.94``, ``-3``); None for anything else.

    >>> parse_plain("34.94"), parse_plain("4 (WTP)"), parse_plain(None)
    (Decimal('34.94'), None, None)
    """
    if text is None or not _PLAIN_DECIMAL.fullmatch(text.strip()):
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None
