"""Page modules: thin layout and callback wiring over app.queries and app.figures."""
