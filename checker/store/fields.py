"""A form's fields read as people fill them in: every refusal kept, each under its field, so that all
that is wrong is said at once; figures written as people write them ("92 million")."""
import re
from collections.abc import Callable
from typing import TypeVar

from ..errors import CheckerError, InvalidFields, InvalidInput

T = TypeVar("T")

# A figure as people write it: thousands set apart by commas, a scale in words ("92 million", "1.2bn").
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "tn": 1e12}
WRITTEN_NUMBER = re.compile(r"(?i)(?P<sign>-)?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<scale>"
                            + "|".join(sorted(SCALES, key=len, reverse=True)) + r")?")


def written_number(text: str) -> float:
    """The number a figure written as people write it stands for: "92 million" -> 92000000, "3.5e6" as
    Python reads it; ValueError for no number."""
    m = WRITTEN_NUMBER.fullmatch(text.strip())
    if not m:
        return float(text)
    number = float(m.group("digits").replace(",", "")) * SCALES.get((m.group("scale") or "").lower(), 1)
    return -number if m.group("sign") else number


class Fields:
    """Checks a form's fields one by one and keeps every refusal, each under its field."""

    def __init__(self) -> None:
        self.refused: dict[str, CheckerError] = {}

    def check(self, field: str, read: Callable[[], T]) -> T | None:
        try:
            return read()
        except CheckerError as e:
            self.refuse(e.field or field, e)
            return None

    def refuse(self, field: str, error: CheckerError | str) -> None:
        if field not in self.refused:
            self.refused[field] = (InvalidInput(error) if isinstance(error, str) else error).at(field)

    def done(self) -> None:
        """Raise what was refused: the one refusal as it was, several as one InvalidFields."""
        if len(self.refused) == 1:
            raise next(iter(self.refused.values()))
        if self.refused:
            raise InvalidFields({field: str(e) for field, e in self.refused.items()})
