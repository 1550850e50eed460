"""The `pacgen` program (the console script): the command line of generator.cli, in a process
that ends with the command. Only here, not in generator.cli, which tests and other programs
import into their own process, the garbage collector is tuned for such a run:

* the youngest generation is collected every 10,000 allocations instead of 700, from before
  click, Jinja2, PyYAML and pacgen load: a run creates its objects and keeps them to the end, so
  frequent collections found next to nothing (~8 M of `pacgen build`'s ~595 M instructions,
  valgrind --tool=callgrind; bench/build_speed.py);
* what pacgen's command line imports is set aside (gc.freeze) once it is loaded: it lives as long
  as the process, and full collections rescanned it for nothing (with the line above, ~10 % of
  `pacgen build`'s instructions: 660 -> 595 M);
* at exit everything is set aside (gc.freeze) before the interpreter's last full collection,
  which would rescan every object only to free them with the process (`pacgen preview` of the
  largest buildable corpus connector 3,285 -> 3,234 M instructions, `pacgen validate` of
  ClickSend's spec 1,055 -> 1,012 M).
"""

from __future__ import annotations

import atexit
import gc


def main() -> None:
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    atexit.register(gc.freeze)
    from generator.cli import main as command_line

    gc.freeze()
    command_line()
