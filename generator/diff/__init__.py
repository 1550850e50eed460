"""`pacgen diff`: what changed between two versions of a connector, and whether it breaks
existing flows. Sides (``sides``: folder, swagger, spec, git ``REV:PATH``) → views (``view``:
operations with flattened input and output fields) → matching and change rules by direction
(``engine``, ``rule``, ``rules/``) → findings for the shared reporters. ``git`` and ``changed``
say which connectors a change touched; ``baseline`` serves `pacgen validate --new-since`."""
