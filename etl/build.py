"""`gealc build`: bring the warehouse up to date from the project's own data, idempotently."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from etl import gtmi
from etl.demo import write_demo
from etl.load import Loader
from etl.paths import DEMO_DIR
from etl.progress import progress, say
from etl.publish import publish
from etl.reference import catalogue_frames, members_frames
from etl.review import review
from etl.scores import refresh_scores
from etl.un_egov import read_reference
from indicators.catalogue import DEFAULT_PATH as SHIPPED_CATALOGUE
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from indicators.gtmi import load_gtmi
from warehouse import schema
from warehouse.db import open_for_writing
from warehouse.reference import replace_reference, upsert_egov, upsert_gtmi
from warehouse.submissions import submissions_for_review

DEMO_SUBMITTER = "gealc demo"

# What the demo build writes where the secretariat writes a note: Spanish first, as the
# secretariat does, and English for the other readers.
DEMO_NOTE = "datos de demostración (valores ficticios) / demonstration data (fictitious values)"


@dataclass(frozen=True)
class BuildSummary:
    indicators: int
    countries: int
    egov_rows: int
    gtmi_rows: int
    demo_files: int
    demo_loaded: int
    scores: int


def build(
    engine: Engine,
    demo: bool = False,
    demo_dir: Path = DEMO_DIR,
    catalogue_path: Path = SHIPPED_CATALOGUE,
) -> BuildSummary:
    """Create the schema, sync catalogue, members and UN figures; with `demo`, load the demo data;
    then recompute every score (so a catalogue edit reaches the scores without code).

    The catalogue, GTMI crosswalk and member files are validated before anything is written."""
    catalogue, members = load_catalogue(catalogue_path), load_members()
    load_gtmi(catalogue=catalogue)  # the crosswalk the site reads must fit this catalogue
    egov, (gtmi_composites, gtmi_indicators) = read_reference(), gtmi.read_reference()
    say(
        "Building the warehouse: schema, catalogue, member countries, UN survey and World Bank "
        "GTMI figures"
    )
    files = loaded = 0
    with open_for_writing(engine) as conn:
        with conn.begin():
            schema.create_all(conn)
            replace_reference(conn, {**catalogue_frames(catalogue), **members_frames(members)})
            upsert_egov(conn, egov)
            upsert_gtmi(conn, gtmi_composites, gtmi_indicators)
        if demo:
            paths = write_demo(catalogue, members, egov, demo_dir)
            say(f"Loading {len(paths)} demonstration submissions")
            loader = Loader(conn, catalogue, members, DEMO_SUBMITTER, is_demo=True)
            for receipt in progress(loader.load_all(paths), "demo submissions", len(paths)):
                loaded += receipt.status == "accepted"
            files = len(paths)
        with conn.begin():
            scores = refresh_scores(conn, catalogue)
        if demo:
            with conn.begin():
                _publish_demo(conn, catalogue)
    return BuildSummary(
        indicators=len(catalogue.indicators),
        countries=len(members.countries),
        egov_rows=len(egov),
        gtmi_rows=len(gtmi_composites),
        demo_files=files,
        demo_loaded=loaded,
        scores=scores,
    )


DEMO_RELEASE = "demo"


def _publish_demo(conn, catalogue) -> None:
    """Approve the demonstration submissions not yet reviewed and publish them once as release
    `demo`, so a fresh `make run` shows data; an existing `demo` release is left as it is."""
    pending = submissions_for_review(conn, state="accepted")
    pending = (
        pending[pending["is_demo"].astype(bool)]["submission_id"]
        .drop_duplicates()
        .astype(int)
        .tolist()
    )
    if pending:
        review(conn, pending, "approved", DEMO_SUBMITTER, DEMO_NOTE)
    publish(
        conn,
        DEMO_RELEASE,
        DEMO_SUBMITTER,
        catalogue,
        DEMO_NOTE,
        existing_ok=True,
    )
