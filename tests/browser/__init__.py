"""Tests in headless Chromium (Debian chromium + chromium-driver) against `gealc serve`."""
