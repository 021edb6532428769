"""Embeds (issue 22): one widget of a page, alone, that only other sites' frames may show; every
other page keeps refusing frames."""

from __future__ import annotations

from tests.portal_helpers import site_client


def test_only_embeds_may_be_framed_and_they_show_one_widget(demo_built, tmp_path):
    client = site_client(demo_built, tmp_path / "uploads")
    framed = client.get("/embed/explorer?indicator=FD1&lang=en")
    assert framed.status_code == 200 and "X-Frame-Options" not in framed.headers
    policy = framed.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "object-src 'none'" in policy
    page = framed.get_data(as_text=True)
    assert 'id="explorer-widget"' in page and "site-header" not in page  # the widget alone
    assert 'href="/explorer?indicator=FD1&amp;lang=en"' in page  # back to the full view
    home = client.get("/")
    assert home.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in home.headers["Content-Security-Policy"]


def test_a_widgets_download_tab_gives_the_code_that_frames_it(demo_built, tmp_path):
    client = site_client(demo_built, tmp_path / "uploads")
    page = client.get("/country/URY?lang=en&profile-dimensions=download").get_data(as_text=True)
    assert (
        '&lt;iframe src="http://localhost/embed/country/URY?lang=en&amp;amp;'
        "profile-dimensions=download&amp;amp;widget=profile-dimensions" in page
    )
    embedded = client.get("/embed/country/URY?lang=en&widget=profile-dimensions").get_data(
        as_text=True
    )
    assert (
        'id="profile-dimensions-widget"' in embedded and 'id="profile-trend-widget"' not in embedded
    )
    missing = client.get("/embed/country/URY?lang=en&widget=nope").get_data(as_text=True)
    assert "This chart does not exist or is no longer on that page." in missing
