import threading


class Counter:
    """A counter guarded by a lock."""

    def __init__(self):
        self._lock = threading.Lock()
        self._n = 0

    def inc(self, k):
        with self._lock:
            if k is None:
                return None
            self._n += k
        return self._n

    def manual(self):
        self._lock.acquire()
        try:
            return self._n
        finally:
            self._lock.release()
