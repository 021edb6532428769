"""The World Bank GTMI reference data (citation, composites, groups, questions and the crosswalk
to the GEALC dimensions), read and validated once per process: every page and the report share
one copy."""

from __future__ import annotations

from functools import cache

from indicators.gtmi import Gtmi, load_gtmi


@cache
def reference() -> Gtmi:
    """The GTMI reference data shipped in `indicators/gtmi.yaml`."""
    return load_gtmi()
