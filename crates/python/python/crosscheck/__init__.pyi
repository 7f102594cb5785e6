import datetime
from typing import Any, Optional, Union

__version__: str

DateLike = Union[str, datetime.date, None]

class InputError(ValueError):
    """Bad input: names the article (or file) and the reason."""

class CrosscheckWarning(UserWarning):
    """A problem that did not stop the work."""

def extract(
    text: str,
    date: DateLike = None,
    *,
    id: Optional[str] = ...,
    source: Optional[str] = ...,
    title: Optional[str] = ...,
    url: Optional[str] = ...,
    language: Optional[str] = ...,
) -> dict[str, Any]:
    """Extract the quotes and facts of one article (the JSON object
    `crosscheck extract` prints for it)."""
