"""`clicksend-campaigns`: price, send, inspect and cancel SMS campaigns from a terminal.

    clicksend-campaigns analyze "Hi (First Name), 20% off today. Reply STOP to opt out" --recipients people.csv
    clicksend-campaigns send --list-id 428 --name "Spring sale" --body-file spring.txt --schedule 2026-12-01T09:00
    clicksend-campaigns list --status Scheduled --order schedule:desc
    clicksend-campaigns cancel --status Scheduled --name "Spring sale"

It needs nothing beyond the client's own dependencies. Credentials come from the environment or
an owner-only config file (credentials.py); exit codes are in failures.ExitCode and README.
"""

from .failures import ExitCode
from .main import main

__all__ = ("ExitCode", "main")
