#!/usr/bin/env bash
# Sets up everything this project needs on a fresh Debian machine (idempotent):
# system packages (when run as root), a virtualenv in .venv, and the project with its test extras.
set -euo pipefail
cd "$(dirname "$0")"
APT_PACKAGES=(chromium fonts-dejavu-core tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd)   # chromium: the report is tested as a person sees it; tesseract (ind+eng, osd): OCR of scanned PDFs and their orientation
APT_PACKAGES+=(libtesseract-dev libleptonica-dev pkg-config g++)   # to build tesserocr against that tesseract: words read in-process, a third faster (extract/pdf/tesseract.py)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup.sh: please install: ${missing[*]} (apt-get, as root)" >&2
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,parquet,dask]'
# tesserocr built from source, so that it links the system's libtesseract (its binary wheels bundle another
# version, whose reading would differ from the binary's). Optional: without it the binary is run.
.venv/bin/python -c 'import tesserocr' 2>/dev/null \
  || .venv/bin/python -m pip install -q --disable-pip-version-check --no-binary tesserocr 'tesserocr>=2.6' \
  || echo "setup.sh: tesserocr did not build; OCR runs the tesseract binary (slower, same words)" >&2
# The project's bytecode, as pip compiles an installed package's: an editable install is not compiled, and where
# PYTHONDONTWRITEBYTECODE is set Python never writes it, so every process the batch (or a test) starts would compile
# the project's ~100 modules again (0.3 s a process; pytest compiles its test files itself). A module edited later
# is compiled again in each process until this runs again. Only a speed-up: a file that does not compile fails nothing here.
.venv/bin/python -m compileall -q -j 0 core normalize extract audit score store emit pipeline report corpus benchmarks tests run_pipeline.py >/dev/null \
  || echo "setup.sh: some modules did not compile ahead (python -m compileall says which); they compile when imported" >&2
