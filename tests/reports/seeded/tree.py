"""A small provider registry with seeded exception-handling defects."""

import threading


class Registry:
    """Providers by name, guarded by a lock."""

    def __init__(self) -> None:
        """Start empty."""
        self._lock = threading.Lock()
        self._providers: dict = {}

    def remove(self, name: str) -> None:
        """Remove the provider called name."""
        with self._lock:
            if name not in self._providers:
                raise KeyError(name)
            del self._providers[name]

    def try_remove(self, name: str) -> bool:
        """Remove the provider called name; False if that failed."""
        try:
            self.remove(name)
        except Exception:
            pass
        return True
