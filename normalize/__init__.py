"""normalize: read Indonesian values and text exactly; keep the raw text beside every reading."""

from normalize.text import clean_text, collapse, fold_key, join_wrapped
from normalize.values import Kind, Value, ValueIssue, parse_number, parse_value

__all__ = [
    "Kind",
    "Value",
    "ValueIssue",
    "clean_text",
    "collapse",
    "fold_key",
    "join_wrapped",
    "parse_number",
    "parse_value",
]
