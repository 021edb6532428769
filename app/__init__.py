"""The read side: the Dash app, read-only queries, figure builders, page modules and i18n."""
