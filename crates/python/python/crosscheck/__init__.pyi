import datetime
import os
from typing import Any, Dict, List, Optional, Sequence, Union

__version__: str

DateLike = Union[str, datetime.date, None]
PathLike = Union[str, "os.PathLike[str]"]

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
) -> Dict[str, Any]:
    """Extract the quotes and facts of one article (the JSON object
    `crosscheck extract` prints for it)."""

class Report:
    """The result of `compare`."""

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """finding_id, kind, severity, confidence, story, cluster (the
        claim cluster id), subject, explanation, variants (articles,
        mentions with byte spans)."""
    def to_json(self) -> Dict[str, Any]: ...
    def to_csv(self, path: Optional[PathLike] = None) -> Optional[str]: ...
    def to_html(self, path: Optional[PathLike] = None) -> Optional[str]: ...
    def to_pandas(self) -> Any:
        """A pandas.DataFrame: one row per finding and article."""
    def to_arrow(self) -> Any:
        """A pyarrow.Table with the columns of to_pandas()."""
    def __len__(self) -> int: ...

def compare(
    inputs: Union[PathLike, Sequence[PathLike], Sequence[Dict[str, Any]], Any],
    date: DateLike = None,
    config: Optional[Dict[str, Any]] = None,
) -> Report:
    """Compare articles (paths, dicts or a pandas DataFrame)."""
