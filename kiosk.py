#!/usr/bin/env python3
"""Start the museum kiosk: `python kiosk.py [EXHIBIT_YAML] [--demo] [--check] ...` (see --help)."""

import sys

from exhibit.cli import main

if __name__ == "__main__":
    sys.exit(main())
