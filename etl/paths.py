"""Where the project's own files are: the reference figures it ships (`data/reference`) and the
demonstration submissions it generates (`data/demo`). What a deployment chooses (the warehouse,
the upload folder, the catalogue) is in `gealc.config` instead."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
DEMO_DIR = DATA_DIR / "demo"
