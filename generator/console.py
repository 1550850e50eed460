"""The `pacgen` program (the console script): the command line of generator.cli, in a process
that ends with the command.

The garbage collector's youngest generation is collected every 10,000 allocations instead of
700 before anything else is imported: a run creates its objects and keeps them to the end, so
the frequent collections, while click, Jinja2, PyYAML and pacgen load, found next to nothing
(~8 M of `pacgen build`'s ~595 M instructions, valgrind --tool=callgrind; bench/build_speed.py).
Only here, not in generator.cli, which tests and other programs import into their own process.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    from generator.cli import main as command_line

    command_line()
