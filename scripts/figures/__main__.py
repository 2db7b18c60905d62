"""python -m scripts.figures: see scripts/figures/__init__.py."""

import sys

from scripts.figures import main

sys.exit(main(sys.argv[1:]))
