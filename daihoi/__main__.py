"""`python -m daihoi` is the `daihoi` command."""

from daihoi.cli.main import main

raise SystemExit(main())
