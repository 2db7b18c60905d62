"""The harness that loads your solution for a coding problem's tests.

Run the tests of a problem on your own file:

    pytest                       # tests solution.py in this folder
    pytest --solution mine.py    # or any other file

The tests call your functions through the `solution` fixture. This file turns what usually ends in a long
traceback from the test machinery into one line that names your file and your function: a file that is
missing or does not import, a function that is not there, a function that raises.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--solution",
        metavar="FILE",
        default=None,
        help="the Python file with your solution (default: solution.py beside the tests)",
    )


def _solution_path(config) -> Path:
    given = config.getoption("--solution")
    if given:
        return Path(given).expanduser().resolve()
    return (config.rootpath / "solution.py").resolve()


def _load(path: Path):
    """Import the file as a module of its own (a fresh one each run, under a name nothing else uses)."""
    if not path.is_file():
        raise pytest.UsageError(
            f"{path}: no such file (give yours with `pytest --solution FILE`)"
        )
    name = f"_solution_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise pytest.UsageError(
            f"{path}:{exc.lineno}: {path.name} does not parse: {exc.msg}"
        ) from None
    except (
        Exception
    ) as exc:  # an error at import time: name the line in the reader's file
        raise pytest.UsageError(
            f"{_where(path, exc)}: importing {path.name} raised {_describe(exc)}"
        ) from None
    return module


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _where(path: Path, exc: BaseException) -> str:
    """file:line of the deepest frame of the traceback that lies in the reader's file."""
    lines = [
        f.lineno
        for f in traceback.extract_tb(exc.__traceback__)
        if Path(f.filename).resolve() == path
    ]
    return f"{path}:{lines[-1]}" if lines else str(path)


class Solution:
    """Your module, seen by the tests. `solution.kmeans(...)` calls your `kmeans`; if it raises, the test
    fails with one line naming your file, line and function. `solution.raw.kmeans` is the function itself,
    for the tests that check that it raises on bad input."""

    def __init__(self, module, path: Path):
        self.module = module
        self.path = path
        self.raw = _Raw(self)

    def function(self, name: str):
        function = getattr(self.module, name, None)
        if not callable(function):
            pytest.fail(
                f"{self.path}: defines no function `{name}` (the tests call {name}(...))",
                pytrace=False,
            )
        return function

    def __getattr__(self, name: str):
        function = self.function(name)

        def call(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except NotImplementedError:
                pytest.fail(
                    f"{self.path}: `{name}` is not written yet (it raises NotImplementedError)",
                    pytrace=False,
                )
            except Exception as exc:
                pytest.fail(
                    f"{_where(self.path, exc)}: {name}(...) raised {_describe(exc)}",
                    pytrace=False,
                )

        return call


class _Raw:
    """`solution.raw.name`: the reader's function itself, exceptions and all."""

    def __init__(self, solution: Solution):
        self._solution = solution

    def __getattr__(self, name: str):
        return self._solution.function(name)


def pytest_configure(config):
    if config.getoption("--help", False):
        return
    sys.dont_write_bytecode = True  # no __pycache__ beside the reader's file
    path = _solution_path(config)
    config._coding_solution = Solution(_load(path), path)


@pytest.fixture(scope="session")
def solution(pytestconfig) -> Solution:
    return pytestconfig._coding_solution
