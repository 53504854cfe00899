"""`python -m lib`: the command line, all of it in lib/cli.py."""
from lib.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
