from typing import Any, Optional, Tuple

CSV_COLUMNS: Tuple[str, ...]
EXTRACT_COLUMNS: Tuple[str, ...]
MAX_STORY_ARTICLES: Optional[int]
MAX_WARNINGS: int

def compare(
    df: Any,
    date: Any = None,
    config: Optional[dict] = None,
    max_story_articles: Optional[int] = None,
) -> Any: ...
def extract(df: Any, date: Any = None) -> Any: ...
