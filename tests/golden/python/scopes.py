import os
import sys as system
from collections import OrderedDict, defaultdict

__all__ = ["OrderedDict"]
_cache = None


def load(path, *args, strict: bool = False, **kw) -> dict:
    global _cache
    unused = 1
    first, rest = path, args
    for item in args:
        pass
    try:
        data = open(path).read()
    except (OSError, ValueError) as exc:
        raise RuntimeError(path) from exc
    def helper():
        return data
    _cache = [x for x in kw if x in data]
    return {"a": helper(), "b": os.sep}
