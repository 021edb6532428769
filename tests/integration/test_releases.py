"""Review and releases through the real `gealc` command, on DuckDB and PostgreSQL: approve and
return with who/when/comment, a release freezes only approved values with their scores, labels
are never reused, the same approved data gives the same bytes, and a correction after
publishing is a new release that leaves the old one as it was."""

from __future__ import annotations

import getpass
import json

import pytest

from tests.conftest import snapshot
from tests.helpers import gealc, ok, query
from tests.integration.test_scores import full_year


def load(url: str, folder, name: str, body: str) -> None:
    path = folder / name
    path.write_text(body)
    ok(gealc("load", str(path), db=url))


def states(url: str) -> dict[int, tuple]:
    rows = json.loads(ok_out(gealc("review", "list", "--json", db=url)))
    return {
        r["submission_id"]: (r["iso3"], r["state"], r["review_comment"], r["reviewed_by"])
        for r in rows
    }


def ok_out(result) -> str:
    ok(result)
    return result.stdout


def release(url: str, label: str) -> tuple[list, list, str]:
    values = query(
        url,
        f"SELECT * FROM published_values WHERE release = '{label}'"
        " ORDER BY iso3, year, indicator_id",
    )
    scores = query(
        url,
        f"SELECT * FROM published_scores WHERE release = '{label}' ORDER BY iso3, year, level, id",
    )
    [(sha,)] = query(url, f"SELECT sha256 FROM releases WHERE label = '{label}'")
    return values, scores, sha


def test_review_publish_and_correct(built, tmp_path):
    load(built, tmp_path, "ury.csv", full_year("URY", 0.8))
    load(built, tmp_path, "chl.csv", full_year("CHL", 0.6))
    assert {s[:2] for s in states(built).values()} == {("URY", "accepted"), ("CHL", "accepted")}
    ury, chl = sorted(states(built))

    before = snapshot(built)
    refused = gealc("review", "return", str(chl), db=built)  # a return needs a comment
    assert refused.returncode == 2 and "--comment" in refused.stderr
    unknown = gealc("review", "approve", "999", db=built)
    assert unknown.returncode == 1 and "no submission 999" in unknown.stderr
    nothing = gealc("publish", "--label", "2024-0", db=built)
    assert nothing.returncode == 1 and "nothing to publish" in nothing.stderr
    assert snapshot(built) == before  # refused commands write nothing

    ok(gealc("review", "approve", str(ury), db=built))
    ok(
        gealc(
            "review",
            "return",
            str(chl),
            "--comment",
            "FD2 parece un error de unidad",
            "--by",
            "secretaria",
            db=built,
        )
    )
    assert states(built)[ury] == ("URY", "approved", None, getpass.getuser())
    assert states(built)[chl] == ("CHL", "returned", "FD2 parece un error de unidad", "secretaria")

    out = ok_out(gealc("publish", "--label", "2024-1", "--note", "primera", db=built))
    assert "Published release 2024-1: 15 values" in out
    first = release(built, "2024-1")
    assert {row[1] for row in first[0]} == {"URY"}  # the returned submission is not published
    assert {(row[1], row[3]) for row in first[1]} >= {("URY", "composite")}

    again = gealc("publish", "--label", "2024-1", db=built)
    assert again.returncode == 1 and "never changed" in again.stderr
    assert "complete (15 values" in again.stderr and "identical to what would be" in again.stderr

    # A correction arrives: until it is approved, a new release holds exactly the same content.
    load(built, tmp_path, "ury_v2.csv", full_year("URY", 0.9))
    ok(gealc("publish", "--label", "2024-2", db=built))
    assert release(built, "2024-2")[2] == first[2]
    assert [r[1:] for r in release(built, "2024-2")[0]] == [r[1:] for r in first[0]]

    correction = max(states(built))
    ok(gealc("review", "approve", str(correction), db=built))
    differs = gealc("publish", "--label", "2024-1", db=built)
    assert differs.returncode == 1 and "differs from what would be published now" in differs.stderr
    ok(gealc("publish", "--label", "2024-3", "--note", "URY corrected", db=built))
    third = release(built, "2024-3")
    assert third[2] != first[2] and {r[10] for r in third[0]} == {2}  # revision 2 published
    assert release(built, "2024-1") == first  # the old release is untouched
    assert query(built, "SELECT label, note FROM releases ORDER BY release_id") == [
        ("2024-1", "primera"),
        ("2024-2", None),
        ("2024-3", "URY corrected"),
    ]


def test_rejected_submissions_cannot_be_reviewed(built, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("country,year,indicator,value\nURY,2024,SD1,250\n")
    assert gealc("load", str(path), db=built).returncode == 1
    [rejected] = list(states(built))
    result = gealc("review", "approve", str(rejected), db=built)
    assert result.returncode == 1 and "rejected by validation" in result.stderr


def test_a_release_is_found_right_after_it_is_published(built, tmp_path):
    """A worker that read the list of releases a moment ago still opens one published since (the
    secretariat follows the link the portal gives right after publishing)."""
    from app.release import Releases
    from warehouse.db import connect

    load(built, tmp_path, "ury.csv", full_year("URY", 0.8))
    ok(gealc("review", "approve", "1", db=built))
    book = Releases(connect(built, read_only=True), ttl=3600)
    assert book.latest() is None
    ok(gealc("publish", "--label", "2024-1", db=built))
    assert book.snapshot("2024-1").label == "2024-1" and book.latest() == "2024-1"
    with pytest.raises(KeyError):
        book.snapshot("2099-1")
