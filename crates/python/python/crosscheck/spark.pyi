from typing import Any, Optional, Tuple

CSV_COLUMNS: Tuple[str, ...]
EXTRACT_COLUMNS: Tuple[str, ...]

def compare(df: Any, date: Any = None, config: Optional[dict] = None) -> Any: ...
def extract(df: Any, date: Any = None) -> Any: ...
