from typing import List, Optional, Tuple

__version__: str

class InputError(ValueError): ...

def extract_json(
    text: str,
    date: Optional[str] = None,
    id: str = "article",
    source: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    language: Optional[str] = None,
) -> str: ...

class NativeReport:
    def render(self, format: str) -> str: ...
    def warnings(self) -> List[str]: ...

def compare(
    paths: List[str],
    articles: List[Tuple[str, str, Optional[str], Optional[str], Optional[str], Optional[str]]],
    date: Optional[str] = None,
    config_json: Optional[str] = None,
) -> NativeReport: ...
