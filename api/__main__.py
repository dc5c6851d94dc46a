"""``python -m newsgraph``: the command line."""

import sys

from newsgraph.cli import main

sys.exit(main())
