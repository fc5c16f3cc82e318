"""Ledgers built once per test class and copied into each test's folder: every test starts from
the same ledger, built by the same commands, at a fraction of the commands."""
import atexit
import os
import shutil
import tempfile

_CACHE = tempfile.TemporaryDirectory(prefix="infotally-test-ledgers-")
atexit.register(_CACHE.cleanup)
_BUILT = {}


def build_once(test, build):
    """For the first test of its class, runs `build()` (which makes the ledger with commands and
    returns a dict of the ids to keep) and keeps a copy of the ledger; every later test of the
    class starts from a copy. The ids are set as attributes of `test` either way."""
    key = f"{type(test).__module__}.{type(test).__qualname__}"
    if key not in _BUILT:
        ids = build() or {}
        folder = os.path.join(_CACHE.name, key)
        os.mkdir(folder)
        for f in os.listdir(test.dir):
            if f.startswith(os.path.basename(test.db)):
                shutil.copy(os.path.join(test.dir, f), folder)
        _BUILT[key] = (folder, ids)
    else:
        folder, ids = _BUILT[key]
        for f in os.listdir(folder):
            shutil.copy(os.path.join(folder, f), test.dir)
    for name, value in _BUILT[key][1].items():
        setattr(test, name, value)
