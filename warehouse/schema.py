"""The warehouse schema: every table and view, in SQLAlchemy Core, for DuckDB and PostgreSQL alike.

Tables are the write side's; the views are the stable, documented interface that analysts
(and the app) query. Their names and columns are a promise: change them only with a note.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.engine import Connection

from indicators.texts import LANGUAGES

metadata = MetaData()


def _texts(field: str, nullable: bool = False) -> list[Column]:
    return [Column(f"{field}_{lang}", Text, nullable=nullable) for lang in LANGUAGES]


def _value_columns() -> list[Column]:
    """What a value carries, in a submission and in a release alike."""
    return [
        Column("value", Double, nullable=False),
        Column("numerator", Double),
        Column("denominator", Double),
        Column("source", Text),
        Column("note", Text),
    ]


def _score_columns() -> list[Column]:
    """A score with its rank and rank range, and how many indicators it rests on."""
    return [
        Column("score", Double),  # NULL only for scores of releases made before issue 18's rule
        Column("rank", Integer),
        Column("rank_low", Integer),
        Column("rank_high", Integer),
        Column("rank_share", Double),  # share of the Monte Carlo variants giving `rank`
        Column("coverage", Integer, nullable=False),  # indicators reported, that the score rests on
    ]


def _release_cell() -> list[Column]:
    """The key of a release's row about one country, year and indicator."""
    return [
        Column("release_id", Integer, ForeignKey("release.release_id"), primary_key=True),
        Column("iso3", String(3), primary_key=True),
        Column("year", Integer, primary_key=True),
        Column("indicator_id", String(8), primary_key=True),
    ]


catalogue_edition = Table(
    "ref_catalogue",
    metadata,
    Column("edition", String(32), primary_key=True),
    Column("status", String(16), nullable=False),
    *_texts("status_note"),
)

dimension = Table(
    "ref_dimension",
    metadata,
    Column("dimension_id", String(8), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("weight", Double, nullable=False),
    Column("un_counterpart", String(8), nullable=False),
    *_texts("name"),
    *_texts("description"),
    *_texts("un_rationale", nullable=True),  # why that UN index (NULL: built before the text)
)

indicator = Table(
    "ref_indicator",
    metadata,
    Column("indicator_id", String(8), primary_key=True),
    Column("dimension_id", String(8), nullable=False),
    Column("position", Integer, nullable=False),
    Column("weight", Double, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("direction", String(8), nullable=False),
    Column("min_value", Double, nullable=False),
    Column("max_value", Double, nullable=False),
    Column("goal_lower", Double, nullable=False),
    Column("goal_target", Double, nullable=False),
    Column("log_transform", Boolean, nullable=False),
    Column("plausible_change", Double, nullable=False),
    Column("multiplier", Double),
    *_texts("name"),
    *_texts("definition"),
    *_texts("numerator"),
    *_texts("denominator", nullable=True),
    *_texts("unit_label"),
)

subregion = Table(
    "ref_subregion",
    metadata,
    Column("subregion_id", String(24), primary_key=True),
    Column("m49", String(3), nullable=False),
    *_texts("name"),
)

country = Table(
    "ref_country",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("iso2", String(2), nullable=False),
    Column("m49", String(3), nullable=False),
    Column("subregion_id", String(24), nullable=False),
    *_texts("name"),
)

un_egov = Table(
    "un_egov_survey",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("survey_year", Integer, primary_key=True),
    Column("un_name", Text, nullable=False),
    Column("egdi", Double),
    Column("osi", Double),
    Column("hci", Double),
    Column("tii", Double),
    Column("epi", Double),
    Column("egdi_rank", Integer),
    Column("assessed", Boolean, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer, nullable=False),
)

# The World Bank GovTech Maturity Index: composites and maturity group per economy and survey,
# and each survey's indicators (levels or indices; NULL where the World Bank has no figure).
gtmi_composite = Table(
    "gtmi_composite",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("economy", Text, nullable=False),
    Column("grp", String(1), nullable=False),
    Column("gtmi", Double),
    Column("cgsi", Double),
    Column("psdi", Double),
    Column("dcei", Double),
    Column("gtei", Double),
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer, nullable=False),
)
gtmi_indicator = Table(
    "gtmi_indicator",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("indicator_id", String(8), primary_key=True),
    Column("value", Double),
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer, nullable=False),
)

submission_id_seq = Sequence("submission_id_seq")

submission = Table(
    "submission",
    metadata,
    Column("submission_id", Integer, submission_id_seq, primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("submitter", Text, nullable=False),
    Column("received_at", DateTime, nullable=False),
    Column("loaded_at", DateTime),
    Column("status", String(16), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("is_demo", Boolean, nullable=False),
    Column("file_format", String(16)),
)

submission_part = Table(
    "submission_country_year",
    metadata,
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), primary_key=True),
    Column("iso3", String(3), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("revision", Integer),  # NULL for a rejected file: it never became a revision
)

observation = Table(
    "observation",
    metadata,
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), primary_key=True),
    Column("row_number", Integer, primary_key=True),
    Column("iso3", String(3), nullable=False),
    Column("year", Integer, nullable=False),
    Column("indicator_id", String(8), nullable=False),
    *_value_columns(),
)

# A row a country left without a value, explained in its note ("not reported, because …").
unreported = Table(
    "unreported",
    metadata,
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), primary_key=True),
    Column("row_number", Integer, primary_key=True),
    Column("iso3", String(3), nullable=False),
    Column("year", Integer, nullable=False),
    Column("indicator_id", String(8), nullable=False),
    Column("note", Text, nullable=False),
)
validation_issue = Table(
    "validation_issue",
    metadata,
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("severity", String(8), nullable=False),
    Column("code", String(40), nullable=False),
    Column("row_number", Integer),
    Column("column_name", Text),
    Column("params", Text, nullable=False),
    *_texts("message"),
    *_texts("fix"),
)

review_event_id_seq = Sequence("review_event_id_seq")

# The secretariat's decisions on accepted submissions: approved, or returned with a comment.
# Never updated or deleted: the latest event of a submission is its review state.
review_event = Table(
    "review_event",
    metadata,
    Column("event_id", Integer, review_event_id_seq, primary_key=True),
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), nullable=False),
    Column("action", String(16), nullable=False),  # approved | returned
    Column("comment", Text),
    Column("actor", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False),
)

release_id_seq = Sequence("release_id_seq")

# A published release: the approved values and their scores, frozen. Rows are only ever inserted.
release = Table(
    "release",
    metadata,
    Column("release_id", Integer, release_id_seq, primary_key=True),
    Column("label", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("note", Text),
    Column("sha256", String(64), nullable=False),
    Column("catalogue_edition", String(32), nullable=False),
    Column("value_count", Integer, nullable=False),
    Column("is_demo", Boolean, nullable=False),
    Column("method", String(16)),  # the scoring method's edition; NULL: before 2026.2
)

release_value = Table(
    "release_value",
    metadata,
    *_release_cell(),
    *_value_columns(),
    Column("submission_id", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("is_demo", Boolean, nullable=False),
)

release_unreported = Table(
    "release_unreported",
    metadata,
    *_release_cell(),
    Column("note", Text, nullable=False),
    Column("submission_id", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
)
# The statistical audit stored with a release, one number per row: the sensitivity indices of
# the ranking (analysis 'sensitivity', item = factor) and its coherence ('coherence': item and
# other name indicators, dimensions or GEALC). `other` is '' where a measure has one subject.
release_statistic = Table(
    "release_statistic",
    metadata,
    Column("release_id", Integer, ForeignKey("release.release_id"), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("analysis", String(16), primary_key=True),
    Column("measure", String(32), primary_key=True),
    Column("item", String(32), primary_key=True),
    Column("other", String(32), primary_key=True),
    Column("value", Double),
)
release_score = Table(
    "release_score",
    metadata,
    Column("release_id", Integer, ForeignKey("release.release_id"), primary_key=True),
    Column("iso3", String(3), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("level", String(16), primary_key=True),
    Column("id", String(8), primary_key=True),
    *_score_columns(),
)

score = Table(
    "score",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("level", String(16), primary_key=True),  # indicator | dimension | composite
    Column("id", String(8), primary_key=True),
    *_score_columns(),
    Column("catalogue_edition", String(32), nullable=False),
    Column("computed_at", DateTime, nullable=False),
)


# Portal accounts: a country focal point (bound to one ISO3), the secretariat, or an admin.
# Accounts are disabled, never deleted, so the audit log always names someone who existed.
account = Table(
    "account",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("role", String(16), nullable=False),  # country | secretariat | admin
    Column("iso3", String(3)),  # the country of a `country` account; NULL otherwise
    Column("display_name", Text),
    Column("lang", String(2), nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id, never the password
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("password_changed_at", DateTime, nullable=False),
)

audit_event_id_seq = Sequence("audit_event_id_seq")

# Who did what and when: every sign-in (and failed attempt), refused upload, review, publication
# and account change, from the portal and the command line alike. Only ever inserted. A file's
# outcome (accepted or rejected) is not copied here: its `submission` row already says who sent
# what, when, and the `audit_log` view reads it from there (one statement less per file).
audit_event = Table(
    "audit_event",
    metadata,
    Column("event_id", Integer, audit_event_id_seq, primary_key=True),
    Column("occurred_at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),  # a username, or the name typed in a failed sign-in
    Column("action", String(32), nullable=False),
    Column("iso3", String(3)),  # the country concerned, when there is one
    Column("target", Text),  # a submission id, a release label, an account
    Column("detail", Text),
    Column("address", Text),  # the client's IP address, for web requests
)

# A file sent through the portal: which account sent it for which country, and where its bytes
# are kept (a name gealc chose inside the upload area, never the name the browser sent).
upload = Table(
    "upload",
    metadata,
    Column("submission_id", Integer, ForeignKey("submission.submission_id"), primary_key=True),
    Column("username", String(64), nullable=False),
    Column(
        "iso3", String(3)
    ),  # the account's country; NULL when the secretariat sent an unreadable file
    Column("stored_name", Text, nullable=False),
    Column("size_bytes", Integer, nullable=False),
)


def _names(prefix: str, alias: str, field: str = "name") -> str:
    return ", ".join(f"{alias}.{field}_{lang} AS {prefix}{lang}" for lang in LANGUAGES)


# The audit actions a submission row stands for (its status, prefixed).
SUBMISSION_OUTCOMES = ("submission_accepted", "submission_rejected")

VIEWS: dict[str, str] = {
    "indicator_catalogue": f"""
        SELECT i.indicator_id, i.dimension_id, {_names("name_", "i")},
               i.unit, i.direction, i.min_value, i.max_value,
               i.goal_lower, i.goal_target, i.log_transform, i.weight,
               i.position, {_names("unit_label_", "i", "unit_label")},
               {_names("definition_", "i", "definition")}, i.multiplier,
               {_names("numerator_", "i", "numerator")},
               {_names("denominator_", "i", "denominator")}
        FROM ref_indicator i""",
    "dimensions": f"""
        SELECT d.dimension_id, d.position, d.weight, d.un_counterpart, {_names("name_", "d")},
               {_names("description_", "d", "description")},
               {_names("un_rationale_", "d", "un_rationale")}
        FROM ref_dimension d""",
    "countries": f"""
        SELECT c.iso3, {_names("name_", "c")}, c.subregion_id AS subregion
        FROM ref_country c""",
    "subregions": f"""
        SELECT s.subregion_id AS subregion, s.m49, {_names("name_", "s")}
        FROM ref_subregion s""",
    "egov_survey": """
        SELECT u.iso3, u.survey_year, u.egdi, u.osi, u.hci, u.tii, u.epi, u.egdi_rank, u.assessed
        FROM un_egov_survey u""",
    "gtmi": """
        SELECT g.iso3, g.year, g.gtmi, g.cgsi, g.psdi, g.dcei, g.gtei, g.grp AS "group"
        FROM gtmi_composite g""",
    "gtmi_indicators": """
        SELECT i.iso3, i.year, i.indicator_id, i.value
        FROM gtmi_indicator i""",
    "observations_history": """
        SELECT o.iso3, o.year, o.indicator_id, o.value, o.numerator, o.denominator,
               o.source, o.note, o.submission_id, p.revision, s.file_name, s.sha256,
               s.submitter, s.received_at, s.loaded_at, o.row_number, s.is_demo
        FROM observation o
        JOIN submission s ON s.submission_id = o.submission_id
        JOIN submission_country_year p
          ON p.submission_id = o.submission_id AND p.iso3 = o.iso3 AND p.year = o.year
        WHERE s.status = 'accepted'""",
    "current_revisions": """
        SELECT p.iso3, p.year, MAX(p.revision) AS revision
        FROM submission_country_year p
        JOIN submission s ON s.submission_id = p.submission_id
        WHERE s.status = 'accepted'
        GROUP BY p.iso3, p.year""",
    "observations_current": """
        SELECT h.iso3, h.year, h.indicator_id, h.value, h.numerator, h.denominator,
               h.source, h.note, h.submission_id, h.revision, h.is_demo
        FROM observations_history h
        JOIN current_revisions latest
          ON latest.iso3 = h.iso3 AND latest.year = h.year AND latest.revision = h.revision""",
    "not_reported_history": """
        SELECT u.iso3, u.year, u.indicator_id, u.note, u.submission_id, p.revision,
               s.file_name, s.received_at, u.row_number, s.is_demo
        FROM unreported u
        JOIN submission s ON s.submission_id = u.submission_id
        JOIN submission_country_year p
          ON p.submission_id = u.submission_id AND p.iso3 = u.iso3 AND p.year = u.year
        WHERE s.status = 'accepted'""",
    "not_reported_current": """
        SELECT n.iso3, n.year, n.indicator_id, n.note, n.submission_id, n.revision
        FROM not_reported_history n
        JOIN current_revisions latest
          ON latest.iso3 = n.iso3 AND latest.year = n.year AND latest.revision = n.revision""",
    "review_states": """
        SELECT e.submission_id, e.action AS review_state, e.comment AS review_comment,
               e.actor AS reviewed_by, e.decided_at AS reviewed_at
        FROM review_event e
        WHERE e.event_id = (SELECT MAX(l.event_id) FROM review_event l
                            WHERE l.submission_id = e.submission_id)""",
    "approved_revisions": """
        SELECT p.iso3, p.year, MAX(p.revision) AS revision
        FROM submission_country_year p
        JOIN review_states r
          ON r.submission_id = p.submission_id AND r.review_state = 'approved'
        GROUP BY p.iso3, p.year""",
    "observations_approved": """
        SELECT h.iso3, h.year, h.indicator_id, h.value, h.numerator, h.denominator,
               h.source, h.note, h.submission_id, h.revision, h.is_demo
        FROM observations_history h
        JOIN approved_revisions approved
          ON approved.iso3 = h.iso3 AND approved.year = h.year
         AND approved.revision = h.revision""",
    "not_reported_approved": """
        SELECT n.iso3, n.year, n.indicator_id, n.note, n.submission_id, n.revision
        FROM not_reported_history n
        JOIN approved_revisions approved
          ON approved.iso3 = n.iso3 AND approved.year = n.year
         AND approved.revision = n.revision""",
    "releases": """
        SELECT release_id, label, created_at, created_by, note, sha256, catalogue_edition,
               value_count, is_demo, method
        FROM release""",
    "published_values": """
        SELECT r.label AS release, v.iso3, v.year, v.indicator_id, v.value, v.numerator,
               v.denominator, v.source, v.note, v.submission_id, v.revision, v.is_demo
        FROM release_value v JOIN release r ON r.release_id = v.release_id""",
    "published_not_reported": """
        SELECT r.label AS release, n.iso3, n.year, n.indicator_id, n.note, n.submission_id,
               n.revision
        FROM release_unreported n JOIN release r ON r.release_id = n.release_id""",
    "published_scores": """
        SELECT r.label AS release, s.iso3, s.year, s.level, s.id, s.score, s.rank, s.rank_low,
               s.rank_high, s.rank_share, s.coverage,
               EXISTS (SELECT 1 FROM release_value v
                       WHERE v.release_id = s.release_id AND v.iso3 = s.iso3
                         AND v.year = s.year AND v.is_demo) AS is_demo
        FROM release_score s JOIN release r ON r.release_id = s.release_id""",
    "published_statistics": """
        SELECT r.label AS release, s.year, s.analysis, s.measure, s.item, s.other, s.value
        FROM release_statistic s JOIN release r ON r.release_id = s.release_id""",
    "scores": """
        SELECT iso3, year, level, id, score, rank, rank_low, rank_high, rank_share, coverage,
               catalogue_edition, computed_at
        FROM score""",
    "submissions": """
        SELECT s.submission_id, s.file_name, s.sha256, s.submitter, s.received_at, s.loaded_at,
               s.status, p.iso3, p.year, p.revision, s.row_count, s.file_format, s.is_demo,
               COALESCE(v.errors, 0) AS errors, COALESCE(v.warnings, 0) AS warnings,
               CASE WHEN s.status = 'rejected' THEN 'rejected'
                    ELSE COALESCE(r.review_state, 'accepted') END AS state,
               r.review_comment, r.reviewed_by, r.reviewed_at
        FROM submission s
        LEFT JOIN review_states r ON r.submission_id = s.submission_id
        LEFT JOIN submission_country_year p ON p.submission_id = s.submission_id
        LEFT JOIN (SELECT submission_id,
                          SUM(CASE WHEN severity = 'error' THEN 1 ELSE 0 END) AS errors,
                          SUM(CASE WHEN severity = 'warning' THEN 1 ELSE 0 END) AS warnings
                   FROM validation_issue GROUP BY submission_id) v
          ON v.submission_id = s.submission_id""",
    # Every event, stored or read off a submission row; older warehouses also stored file
    # outcomes in audit_event: those rows are kept but not shown twice.
    "audit_log": f"""
        SELECT e.occurred_at, e.actor, e.action, e.iso3, e.target, e.detail, e.address
        FROM audit_event e
        WHERE e.action NOT IN ({", ".join(repr(a) for a in SUBMISSION_OUTCOMES)})
        UNION ALL
        SELECT s.received_at, s.submitter, 'submission_' || s.status, p.iso3,
               CAST(s.submission_id AS VARCHAR(20)), s.file_name, NULL
        FROM submission s
        LEFT JOIN (SELECT submission_id, MIN(iso3) AS iso3 FROM submission_country_year
                   GROUP BY submission_id) p ON p.submission_id = s.submission_id""",
    "validation_issues": f"""
        SELECT v.submission_id, s.file_name, s.status, v.position, v.severity, v.code,
               v.row_number, v.column_name, {_names("message_", "v", "message")},
               {_names("fix_", "v", "fix")}, v.params
        FROM validation_issue v
        JOIN submission s ON s.submission_id = v.submission_id""",
}


def create_all(conn: Connection) -> None:
    """Create missing tables and columns and (re)create every view; safe to run on every
    build."""
    metadata.create_all(conn)
    _add_missing_columns(conn)
    for name in reversed(VIEWS):
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
    for name, sql in VIEWS.items():
        conn.exec_driver_sql(f"CREATE VIEW {name} AS {sql}")


def _add_missing_columns(conn: Connection) -> None:
    """Columns this schema added to a table an older gealc created (always nullable: old rows
    keep NULL, which the readers take as 'not computed then')."""
    for table in metadata.sorted_tables:
        present = set(
            conn.execute(
                text("SELECT column_name FROM information_schema.columns WHERE table_name = :t"),
                {"t": table.name},
            ).scalars()
        )
        for column in table.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")


def is_built(conn: Connection) -> bool:
    """Whether the warehouse has every table of this schema (`gealc build` has run since the
    schema last grew; building again adds what is missing and keeps everything else)."""
    return all(conn.dialect.has_table(conn, name) for name in metadata.tables)
