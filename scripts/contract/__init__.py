"""The contract tooling: what records evidence (record.py, with the live guard live_safety.py and the
scrubbing of cassettes.py), judges it (evidence_checks.py, public_evidence.py, with the spec's own
helpers in speclib.py) and reports on it (drift.py). contract_tests/ holds the checks that use them,
and the evidence itself."""
