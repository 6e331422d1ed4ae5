"""clicksend-emulator (or python -m clicksend_emulator) [--port N] [--db FILE]
[--limit-policy clamp|reject] [--update-without-schedule sends_now|keeps_schedule]
[--public-url URL] [--admin-token T] [--send-answer nested|flat]"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from pathlib import Path

from .app import Emulator
from .config import EmulatorConfig
from .seed import DEFAULT_ACCOUNTS
from .server import run_emulator
from .store import StoreError


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="clicksend-emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="loopback by default; the emulator has no real security")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port (default: %(default)s)")
    parser.add_argument("--db", type=Path, help="keep campaigns in this SQLite file across restarts")
    parser.add_argument(
        "--limit-policy",
        choices=["clamp", "reject"],
        default="clamp",
        help="a page size outside 15..100: served as 15 or 100, or answered 400 (default: %(default)s)",
    )
    parser.add_argument(
        "--update-without-schedule",
        choices=["sends_now", "keeps_schedule"],
        default="sends_now",
        help="what an update without a schedule does, as ClickSend's older reference says, or the old guess "
        "(default: %(default)s)",
    )
    parser.add_argument("--fault-seed", type=int, default=0)
    parser.add_argument("--public-url", help="the address page URLs are built on (default: the one it serves on)")
    parser.add_argument("--admin-token", help="require X-Emulator-Token: TOKEN on /_emulator/*")
    parser.add_argument("--send-answer", choices=["nested", "flat"], default="nested", help="the send answer's shape")
    args = parser.parse_args(argv)
    config = EmulatorConfig(
        db_path=args.db,
        limit_policy=args.limit_policy,
        update_without_schedule=args.update_without_schedule,
        fault_seed=args.fault_seed,
        public_base_url=args.public_url,
        admin_token=args.admin_token,
        send_answer=args.send_answer,
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        emulator = Emulator(config)  # opens and checks the store file, if any
    except StoreError as error:
        print(f"clicksend-emulator: error: {error}", file=sys.stderr)
        sys.exit(2)
    with run_emulator(emulator, host=args.host, port=args.port) as running:
        print(f"ClickSend emulator on {running.base_url}", flush=True)
        for account in DEFAULT_ACCOUNTS:
            print(f"  account {account.username!r} key {account.api_key!r} ({account.status})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()


if __name__ == "__main__":
    main()
