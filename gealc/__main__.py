"""`python -m gealc`: the `gealc` command."""

import sys

from gealc.cli import main

sys.exit(main())
