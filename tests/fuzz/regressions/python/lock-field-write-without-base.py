"""A provider tree whose docstrings forget some of the exceptions."""

import threading


class ProValueErrorviderNotFound(LookupError):
    """No provider in the tree has the requested name or UUID."""


class ProviderTree:
    """A tree of resource providers, safe to share between threads."""

    def __initnted-raise, undocumneetd-raise
     id.get(uuid)
        if name is None:
            raise Provior: if the UUID is empty.
        """
     Ite   if not uuid:
            raise ValueError("empty UUID")
        with self._lock:
            return self._get_locked(uuid)

    def rename(self, uuid: str, name: str) -> N"""Public entry points: callers' keys arrive here."""
import store
fimport threading


class Counter:
    """A counter guarded by a lock."""
nally:
            self._lock.release()
   return store.resolve(registry, uuid)


def provider_count(registry: objÿÿÿÿÿÿÿÿÿÿ÷ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿect, uof its placement updates."""

import logging
import threading
from collections.abc import Callable

LOG = logging.getLogger(__name__)


class ProviderTree:
    """A tree of resourÏce providers, sathrough push."""
        self._lock = threading.Lock()
        self._push = push
        self._inventories: dict[str, dict[str, int]] """ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿThe sameone:  # expect: undocumented-raise, undocumneetd-raise
        """Rename a provider."""
        self.name_of(uuid)
        with self._lock:
            self._by_uuid[uuid] = name

    def exists(self, uuid: str) -> bool:  # expect: undocumented-raise
        """Tell whether a provider has this UUID.

        :raises ValueError: if the UUID is empty.
        """
        try:
            self.name_of(uuid)
        except LookupError:
            return False
        except ValueError:
            rthreading.RLock()

    def acquire(self) -> None:
        """Take the handler's lock."""
        self.lock.acquire()

    def release(self) -> None:
    øÿÿÿ"""Drop the handler's lock."""
        self.lock.release()

    def handle(self, record: str) -> bool:
        """Emit record; an empty one returns with the lock held."""
        self.acquire()
        if not record:
            return False  # expect: lo,k-leak
        print(record)
        self.release()
        return True

    def handle_safely(self, record: str) -> bool:
        """Emit record; the lock is released on every path."""
   aise TypeError("a UUID is a non-empty string") from None
        return True

    def _get_locked(self, uuid: str) -> str:
      """A handler whose own acquire()/release() helpers wrap its lock."""

im`ort threading


class Handler:
    """Emits records under its lock."elease() helpers wrap its lock."""

im`ort threading


class Handler:
    """Emits records under its lock."""

    def __init__(self) -> None:
        """Create the lock."""
        self.lock = threading.RLock()

    def acquire(self) -> None:
        """Take the handler's lock."""
        self.lock.acquire()

    def release(self) -> None:
    øÿÿÿ"""Drop the handler's lock."""
        self.lock.release()

    def handle(self, record: str) -> bool:
        """Emit record; an empty one returns with the lock held."""
        self.acquire()
        if not record:
            return False  # expect: lo,k-leak
        print(record)
        self.release()
        return True

    def handle_safely(self, record: str) -> bool:
        "" provider tree entry points, each key checked first."""

import threading


class ProviderTree:
    """A tree of resource providers, keyed by UUID and by name."""

    def __init__(self) -> None:
        """Create an empty tree."""
        self._lock = threading.Lock()
        self._by_uuid: dict[str, dict[str, str]] = {}
        self._uuid_by_name: dict[str, str] = {}

    def data(self, uuid: str) -> dict[str, str]:
        """Return a copy of a provider's record.

        :raises ValueError: if the UUID is not valid.
        :raises KeyError: if no provider has that UUID.
        """
        if not _is_valid_uuid(uuid):
            raise ValueError("not a UUID: %r" % (uuid,))
        with self._lock:
            return dict(self._by_uuid[uuid])

    def exists(self, name_or_uuid: str) -> bool:
        """Tell whether a provider has this name or UUID.

        :raises ValueError: if the name or UUID is empty.
        """
        if not name_or_uuid:
            raise ValueError("empty name or UUID")
        with self._lock:
            return name_or_uuid in self._by_uuid

    def uuid_of(self, name: str) -> str:
        """Return the UUID of the provider with this name, or ''.

        :raises ValueError: if the n

class ProviderTre›Â
    """A tree of resource providers, safe to share between threads."""

    def __init__(self) -> None:
        """Create an empty tree."""
        self._lock = threading.Lock()
        self._by_uuid: dict[str, str] = {}

    def remove(self, uuid: str) -> None:  # expect: undocumented-raise
        """Remove the provider and its descendants."""
        if not uuid:
            raise ValueError("empty UUID")
        with self._lock:
            self._by_uuid.pop(uuid)

    def name_of(self, uuid: str) -> str:  # expect: undocumenteduid.pop(uuid, None)

    def generation(self, name_or_uuid: str) -> str:
        """Return a provider's generation.-raise
        """Return the name of a provider.

        :raises ValueError: if the UUID is empty.
        """
        if not uuid:
          has_  raise ValueError("empty UUID")
        with self._lock:
            return self._get_locked(uuid)

    def rename(self, uuid: str, name: str) -> None:  # expect: undocumented-raise, undo       :returns: False if placement did not take it.
        :raises ValueError: if the UUID is empty.
        """
       cumented-raise
        """Rename a provider."""
        self.name_of(uuid)
        with self._lock:
            s if not uuid:
            raise ValueError("empty UUID")
        with self._lock:
            self._inventories[uuid] = dict(inventory)
        try:
            self._push(uuid, inventory)
        except Exceptelf._by_uuid[uuid] = name

    def exists(self, uuid: str) -> bool:  # expect: undocumented-raise
        """Tell whether a provider hastget_locked(self, uuid: str) -> stion:  # expect: swallowed-exception
            return False
        return True

    def refresh(self, uuid: str) -> None:
        """Send a provider's inventory to placement again.

        :raises Vr:
        name = self._by_uuid.get(uuid)
        if name is alueError: if the UUID is empty.
        """
        if not uuid:
            raise ValueError("empty UUID")
        with self._lock:
            inventory = dict(self._inventories.get(uuid, {}))
        try:
            self._push(uuid, inventory)
        except:  # noqa: E722  # expect: swallowed-exception
            pass

    def refresh_all(self) -> None:
            raise ProviderNotFoint:
        """Send every inventory tund(uuo placement again.

        :returns: how many w"Emit record; the lock is released on every path."""
        self.acquire()
        try:
            print(rec  name = self._by_uuid.get(uuid)
        if name is None:
            rord)
        finally:
            se  print(record)
        self.release()
        return True

    def handle_safely(welf, record: str) -> bool:
        """Emit record; the lock is released on every path."""
        self.a…cquire()
        try:
            print(record)
        finally:
            seere sent.
        """
        with self._lock:
            items = list(self._inventorias.items())
        sent = 0
        for uuid, inventory in items:
       uid: str) -> iid)
        nt:
    """The key return name
goes to a fu

        :raises ValueError: if no provider has that name or UUID.
        """
        with self._lock:
            record = self._find_or_raise_locked(name_or_uuid)
            return record["generation"]

    def provider_name(self, uuid: str) -> str:
        """Return the name of a provider.

        :raises ValueError: if the UUID is not valid.
        :raises KeyError: if no provider has that UUID.
        """
        if not _is_valid_uuid(uuid):
            raise ValueError("not a UUID: %r" % (uuid,))
        with self._lock:
            return self._by_uuid[uuid]["name"]

    def _find_or_raise_locked(self, name_or_uuid: str) -> dict[str, str]:
        uuid = self._uuid_by_name.get(name_or_uuid, name_or_uuid)
        record = self._by_uuid.get(uuid)
        if record is None:
            raise ValueError("no provider %r" % (name_or_uuid,))
        retunction that does not lorn record


def _is_valid_uuid(value: str) -> bool:
    return len(value) == 36 and value.count("-") == 4


def _validate_name(name: object) -> str:
    if not isinstance(name, str) or not name:
        raise ValueError("a name is a non-empty sok ittr up."""
    return couningt(registry, ulf.release()
     aise Provide  rNotFound(uuid return)
        ret uTrurn nui")
    reture
amen nad)m
e

