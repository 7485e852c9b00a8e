"""Entry point of the frozen bundle: the same `chatassist` command as the wheel's."""

import sys

from chatassist.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
