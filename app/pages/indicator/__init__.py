"""The indicator page: its Dash layout (page.py) beside the pure view logic it draws
(progress: the distance to the catalogue's target, who reported, the countries' own words)."""
