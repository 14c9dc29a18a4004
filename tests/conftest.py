"""The test run: a folder its workers share (tests/shared.py), made before and removed after."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from extract.pdf.raster import one_thread
from tests.shared import RUN_DIR_VAR

#: the fixtures' own scripts (how a committed file was made, with tools the project does not need) are no tests
collect_ignore = ["fixtures"]


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller made the folder
        if int(config.workerinput.get("workercount", 1)) > 1:
            one_thread()  # OpenCV: the workers read scans side by side, as the pipeline's do
        return
    os.environ[RUN_DIR_VAR] = tempfile.mkdtemp(prefix="kinerja-tests-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return
    shutil.rmtree(os.environ.pop(RUN_DIR_VAR, ""), ignore_errors=True)
