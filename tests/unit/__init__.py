"""Tests of pure functions: no database, no server, no browser."""
