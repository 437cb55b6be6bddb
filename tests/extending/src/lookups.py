import threading
import time


class Tree:
    def __init__(self):
        self._lock = threading.Lock()
        self._providers = {}

    def lookup_provider(self, name):
        return self._providers.get(name)

    def find_provider(self, name):
        return self._providers.get(name)

    def refresh(self, other):
        with self._lock:
            time.sleep(0.1)
        return other.get("x")
