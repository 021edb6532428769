"""The write side: reading files, the warehouse schema, loading, the UN survey loader, demo data."""
