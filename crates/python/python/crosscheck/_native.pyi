from typing import Optional

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
