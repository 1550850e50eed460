"""Run paconn with the OAuth client secret read from standard input, never from the command line.

paconn 0.0.21 takes the secret only as ``--secret`` (its settings file has no field for it, and
`create` refuses an OAuth connector without the option). Arguments of a process are readable by
every user of the machine (``ps``, /proc/PID/cmdline) while it runs, so `pacgen upload` starts this
module instead of paconn, writes the secret to its standard input, and this module hands paconn
the option inside the process: ``sys.argv`` is a copy, the process's command line stays without
it. ``--secret=VALUE`` (one token) also keeps a secret that begins with ``-`` from being read as
an option.

    python -m generator.paconn_secret create --settings settings.json   (secret on stdin)
"""

from __future__ import annotations

import sys


def main() -> None:
    secret = sys.stdin.read()
    sys.argv = ["paconn", *sys.argv[1:], *([f"--secret={secret}"] if secret else [])]
    del secret
    from paconn.__main__ import main as paconn_main

    paconn_main()


if __name__ == "__main__":
    main()
