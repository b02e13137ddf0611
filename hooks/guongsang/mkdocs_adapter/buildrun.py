"""How a publishing build runs (scripts/build.py): one at a time in a project folder, since two would
write the same temporary site and ledger.

Kept free of heavy imports: the script reads it before handing over to MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".cache/dung-trang.lock"


@contextmanager
def build_lock(root: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold the project's build lock; if another build holds it, call ``waiting`` once, then wait.

    The operating system releases the lock when its holder ends, so a crashed build never leaves a
    stale lock behind.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(descriptor):
            waiting()
            _lock(descriptor)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


try:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)

except ImportError:  # Windows
    import msvcrt
    import time

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _lock(descriptor: int) -> None:
        while not _try_lock(descriptor):
            time.sleep(0.5)
