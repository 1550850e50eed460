"""Property: whatever sequence of builds and hand-made files, the output folder holds exactly the
last build's files plus the files nobody built (untouched), a refused build changes nothing, and
no temporary folder is left behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.render.folder import MANIFEST_NAME, FolderError, check_folder, write_folder

NAMES = ["apiDefinition.swagger.json", "apiProperties.json", "settings.json", "readme.md", ".pacgen.yaml",
         "reference.md", "icon.png"]

build_step = st.tuples(st.just("build"), st.dictionaries(st.sampled_from(NAMES), st.binary(max_size=20),
                                                          min_size=1), st.booleans())
foreign_step = st.tuples(st.just("foreign"), st.sampled_from(["notes.txt", "apiProperties.json", "x.csx"]),
                         st.binary(max_size=10))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(build_step, foreign_step), min_size=1, max_size=8))
def test_the_folder_is_always_the_last_build_plus_untouched_foreign_files(steps):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spec = root / "spec.yaml"
        spec.write_text("info: {}\n", "utf-8")
        folder = root / "out"
        foreign: dict[str, bytes] = {}
        last: dict[str, bytes] = {}
        for step in steps:
            if step[0] == "foreign":
                _, name, content = step
                if name in last or (folder / name).exists():
                    continue  # a hand edit of a built file is a changed file, not a foreign one
                folder.mkdir(exist_ok=True)
                (folder / name).write_bytes(content)
                foreign[name] = content
                continue
            _, files, force = step
            before = snapshot(folder)
            try:
                write_folder(folder, spec, sorted(files.items()), force=force)
            except FolderError:
                assert foreign and not force
                assert snapshot(folder) == before  # refused: nothing changed
                continue
            if not force:
                assert not foreign
            for name in files:
                foreign.pop(name, None)  # forced over: the build now owns that name
            last = dict(files)
            on_disk = snapshot(folder)
            assert {k: v for k, v in on_disk.items() if k != MANIFEST_NAME} == {**foreign, **last}
            problems = check_folder(folder, spec, sorted(files.items()))
            assert sorted(problems) == sorted(f"{folder / name} was not written by pacgen build\n"
                                              for name in foreign)
        assert sorted(p.name for p in root.iterdir() if p.name != "out") == ["spec.yaml"]  # no leftovers


def test_a_refused_build_says_why(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("info: {}\n", "utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("x", "utf-8")
    with pytest.raises(FolderError) as caught:
        write_folder(tmp_path / "out", spec, [("settings.json", b"{}")])
    assert "mine.txt" in str(caught.value) and "--force" in caught.value.hint
