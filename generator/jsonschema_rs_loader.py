"""jsonschema_rs, imported without the part of its start-up that pacgen never uses.

The extension module is built with pyo3-built, whose generated init imports the standard
library's email.utils only to turn the build date into a datetime for
``jsonschema_rs.__build__["info-time"]`` (upstream: PyO3/pyo3-built#29). email.utils pulls in
socket, random, calendar and email.charset: ~18 M instructions of `pacgen build`'s ~620 M
(valgrind --tool=callgrind, bench/build_speed.py), for a value nothing reads. While jsonschema_rs
initialises, email.utils is a stand-in whose one function hands the date text back; the stand-in
is removed at once, so whatever imports email.utils afterwards gets the real module.
"""

from __future__ import annotations

import sys
import types


def load_jsonschema_rs() -> types.ModuleType:
    """The jsonschema_rs module (imported on first call)."""
    if "jsonschema_rs" in sys.modules or "email.utils" in sys.modules:
        import jsonschema_rs

        return jsonschema_rs
    stand_in = types.ModuleType("email.utils", "stand-in while jsonschema_rs initialises")
    stand_in.parsedate_to_datetime = str  # type: ignore[attr-defined]  # the date stays text
    sys.modules["email.utils"] = stand_in
    try:
        import jsonschema_rs
    except Exception:  # a release that wants more of email.utils: import it the ordinary way
        sys.modules.pop("email.utils", None)
        for name in [name for name in sys.modules if name == "jsonschema_rs" or name.startswith("jsonschema_rs.")]:
            del sys.modules[name]
        import jsonschema_rs
    finally:
        if sys.modules.get("email.utils") is stand_in:
            del sys.modules["email.utils"]
    return jsonschema_rs
