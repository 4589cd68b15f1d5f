"""``python -m server``: the same as ``samskriv-server``."""

import sys

from server.cli import main

sys.exit(main())
