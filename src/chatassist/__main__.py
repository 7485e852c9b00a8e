from chatassist.cli.main import main

raise SystemExit(main())
