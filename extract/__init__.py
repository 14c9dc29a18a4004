"""extract: documents in (text renderings today; PDF and DOCX next), typed :class:`Document` models out."""

from extract.models import DocType, Document, FileResult, Period, Role, Status
from extract.read import read_file

__all__ = ["DocType", "Document", "FileResult", "Period", "Role", "Status", "read_file"]
