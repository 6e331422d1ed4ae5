# Copied by `python3 tasks.py regenerate` from handwritten/cli/__main__.py; do not edit this copy:
# edit handwritten/cli/__main__.py (`python3 tasks.py test` copies it again).
"""`python -m clicksend_sms_campaigns.cli`, the same as `clicksend-campaigns`."""

from . import main

raise SystemExit(main())
