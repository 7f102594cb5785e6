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

_Article = Tuple[str, str, Optional[str], Optional[str], Optional[str], Optional[str]]

def spark_prepare(
    articles: List[_Article],
    date: Optional[str] = None,
    config_json: Optional[str] = None,
) -> List[Tuple[str, str, bytes, int, List[str], List[int], List[str]]]: ...
def spark_stories(
    ids: List[str], features: List[bytes], config_json: Optional[str] = None
) -> List[str]: ...

class SparkStats:
    def __init__(self, claims: int, words: List[str], counts: List[int]) -> None: ...

def spark_compare_story(
    extractions: List[str], stats: SparkStats, config_json: Optional[str] = None
) -> str: ...

def spark_split_plan(
    extractions: List[str], stats: SparkStats, config_json: Optional[str] = None
) -> str: ...
def spark_split_summary(extractions: List[str], config_json: Optional[str] = None) -> str: ...
def spark_split_plan_from(summaries: List[str], config_json: Optional[str] = None) -> str: ...
def spark_split_edges(
    part: List[str],
    other: List[str],
    plan_json: str,
    stats: SparkStats,
    config_json: Optional[str] = None,
) -> List[Tuple[int, int, float]]: ...
def spark_split_finish(
    extractions: List[str],
    edges: List[Tuple[int, int, float]],
    stats: SparkStats,
    config_json: Optional[str] = None,
) -> str: ...
def csv_columns() -> List[str]: ...
