"""``python -m socialvalue``: the command line."""

import sys

from socialvalue.cli import main

sys.exit(main())
