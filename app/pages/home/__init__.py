"""The home page, "GEALC en números": its Dash layout (page.py), the headline figures as
sentences and tables (headlines.py) and their charts (charts.py)."""
