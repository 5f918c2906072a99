"""Run the command line: ``python -m modelprivacy``."""

import sys

from modelprivacy.cli import main

sys.exit(main())
