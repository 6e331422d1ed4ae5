"""`python -m clicksend_sms_campaigns.cli`, the same as `clicksend-campaigns`."""

from . import main

raise SystemExit(main())
