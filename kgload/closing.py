"""`Closing`: what makes an object with a `close()` method a `with` block's resource.

>>> class Session(Closing):
...     def close(self) -> None:
...         print("closed")
>>> with Session() as session:
...     pass
closed
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

__all__ = ["Closing"]


class Closing:
    """A base class: `with obj:` gives `obj` and calls `obj.close()` at the end of the block,
    also when it raises (the exception goes on)."""

    def close(self) -> None:
        """Release what the object holds; subclasses override it."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
