"""The explorer page: its Dash layout and callbacks (page.py) beside the pure view logic
it draws."""
