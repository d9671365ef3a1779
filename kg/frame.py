"""Events as a typed pandas DataFrame: the columns of ``events.csv`` with the types they mean.

``pd.read_csv("events.csv")`` guesses: it reads the CAMEO code ``042`` as the number 42 and the
dates as text. :func:`to_dataframe` reads the same file (or events in memory) with every column
typed: codes and names as strings, days as dates, clock times as time offsets, confidences and
Goldstein values as floats, counts as integers, and missing values as ``<NA>``/``NaT``/``NaN``.
pandas is an optional extra: ``pip install "conflict-kg[pandas]"``.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, KGError
from kg.model import CONFIDENCE_FIELDS, Event

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["to_dataframe", "DATE_COLUMNS", "TIME_COLUMNS", "FLOAT_COLUMNS", "INT_COLUMNS"]

DATE_COLUMNS = ("start", "end")  # datetime64 days
TIME_COLUMNS = ("start_time", "end_time")  # timedelta64 since midnight: start + start_time
FLOAT_COLUMNS = ("goldstein", "confidence", *(f"{f}_confidence" for f in CONFIDENCE_FIELDS))
INT_COLUMNS = ("quad_class", "article_count")  # nullable Int64
# every other column is a string (pandas' "string" dtype): cameo "042" stays "042"


def to_dataframe(data: str | Path | Iterable[Event]) -> "pd.DataFrame":
    """A DataFrame of events, one row per event, typed column by column.

    ``data`` is an ``events.csv`` written by ``kg build``, the folder holding one, or Event
    records (``kg.build(...).events``). Raises InputError when the file is missing or is not
    an events table, KGError when pandas is not installed.

    >>> import kg
    >>> df = kg.to_dataframe("exports/events.csv")  # doctest: +SKIP
    >>> df.loc[df.cameo.str.startswith("04"), ["start", "label", "targets"]]  # doctest: +SKIP
    """
    pd = _pandas()
    if isinstance(data, (str, Path)):
        frame = _read(pd, Path(data))
    else:
        from kg.export.table import COLUMNS, event_rows

        frame = pd.DataFrame(list(event_rows(data)), columns=list(COLUMNS), dtype=object)
    return _typed(pd, frame)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise KGError('kg.to_dataframe needs pandas: pip install "conflict-kg[pandas]" '
                      '(or pip install pandas)') from None
    return pd


def _read(pd: Any, path: Path) -> Any:
    if path.is_dir():
        path = path / "events.csv"
    if not path.is_file():
        raise InputError(str(path), "no such file",
                         "give the events.csv written by kg build, or its folder")
    try:
        # every cell as the text written: no guessing of numbers, no "NA" read as missing
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (ValueError, UnicodeDecodeError, OSError) as err:
        raise InputError(str(path), f"not a readable CSV table ({type(err).__name__}: "
                         f"{' '.join(str(err).split())[:120]})",
                         "give the events.csv written by kg build") from err
    missing = {"id", "cameo", "start", "label"} - set(frame.columns)
    if missing:
        raise InputError(str(path), f"not an events table (no {', '.join(sorted(missing))} "
                         f"column)", "give the events.csv written by kg build")
    from kg.export.table import restore_cell

    # undo the quote events.csv puts before a cell a spreadsheet would run as a formula
    return frame.apply(lambda column: column.map(restore_cell))


def _typed(pd: Any, frame: Any) -> Any:
    out = {}
    for name in frame.columns:
        text = frame[name].astype(object).where(frame[name].astype(object).ne(""), None)
        if name in DATE_COLUMNS:
            out[name] = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        elif name in TIME_COLUMNS:
            out[name] = pd.to_timedelta(text, errors="coerce")
        elif name in FLOAT_COLUMNS:
            out[name] = pd.to_numeric(text, errors="coerce").astype("float64")
        elif name in INT_COLUMNS:
            out[name] = pd.to_numeric(text, errors="coerce").astype("Int64")
        else:
            out[name] = text.astype("string")
    return pd.DataFrame(out, columns=list(frame.columns))
