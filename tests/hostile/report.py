"""Count what gets through, per attack class: python -m tests.hostile.report [--quick] [--emulator].

Without --emulator: a hostile server attacks the client.

Every attack runs against every operation (and the auto-paging walk), sync and async, through a
fresh client; a case fails when anything but a model or a ClickSendError comes out (error
attributes included), send reaches the server twice, the call outlives its deadline, or reading an
answer takes more memory than a small multiple of the answer size limit. Hypothesis draws the
cases of the generated classes (derandomized, so two runs try the same cases).

With --emulator: a hostile client attacks the emulator (tests/hostile/emulator_attacks.py); a case
fails on a 500, an answer that is not ClickSend's envelope, or a 4xx that changed its state.

With --inputs: a careless or hostile person attacks what is read from disk and the command line
(the tables live beside their tests): config files written wrongly with a canary key (a case
fails when the key, `username:key` or their Base64 reaches the output, or a traceback does),
argument lists drawn by hypothesis (fails on an exit code outside the table, a traceback, "this is
a bug", or a usage error that is not one line or that sent a request), and damaged store files
(fails unless the emulator refuses the file whole in one line naming it).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.hostile.attacks import (
    BODIES,
    ENCODED,
    HEADERS,
    MEMORY_SCENARIOS,
    MODES,
    OPERATIONS,
    RETRY_AFTER,
    SCRIPTED,
    STATUSES,
    Behaviour,
    attack,
    encoded_answer,
    mutated_success,
    scripted,
)


def _counting(examples: int) -> settings:
    """Hypothesis settings for a count: the same cases on every run, no shrinking."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


CASE = st.tuples(st.sampled_from(sorted(OPERATIONS)), st.sampled_from(MODES))


def _generated(
    examples: int, strategy: Any, build: Callable[..., tuple[Behaviour, str, str]], record: Callable[..., None]
) -> None:
    @_counting(examples)
    @given(strategy)
    def run(drawn: Any) -> None:
        behaviour, operation, mode = build(drawn)
        record(attack(behaviour, operation, mode), operation, mode)

    run()


def _attack_the_client(examples: int, recorder: Callable[[str], Callable[..., None]], *, quick: bool) -> None:
    _generated(
        examples,
        _with_case(st.tuples(STATUSES, BODIES)),
        lambda d: (Behaviour.answer(d[1][0], d[1][1], [("Content-Type", "application/json")]), *d[0]),
        recorder("any status, any body"),
    )
    _generated(
        examples,
        _with_case(st.tuples(st.sampled_from([200, 400, 429, 500, 503]), HEADERS, RETRY_AFTER)),
        lambda d: (
            Behaviour.answer(d[1][0], b'{"http_code": 429}', [*d[1][1], ("Retry-After", d[1][2])]),
            *d[0],
        ),
        recorder("headers, Retry-After forms"),
    )
    _generated(
        examples,
        _with_case(ENCODED),
        lambda d: (encoded_answer(d[1][0], d[1][1], d[0][0]), *d[0]),
        recorder("content encodings, intact and damaged"),
    )
    _generated(
        examples,
        CASE.flatmap(lambda case: st.tuples(st.just(case), mutated_success(case[0]))),
        lambda d: (Behaviour.answer(200, d[1], [("Content-Type", "application/json")]), *d[0]),
        recorder("success answers with a field removed or of any type"),
    )
    operations = ("send", "walk") if quick else sorted(OPERATIONS)
    for name in SCRIPTED:
        for operation in operations:
            for mode in MODES:
                outcome = attack(scripted(name, operation), operation, mode, measure_memory=name in MEMORY_SCENARIOS)
                recorder(f"scripted: {name}")(outcome, operation, mode)


def _attack_the_emulator(examples: int, recorder: Callable[[str], Callable[..., None]]) -> None:
    from clicksend_emulator import run_emulator

    from tests.hostile import emulator_attacks as hostile

    good = [(b"Authorization", hostile.GOOD_AUTH.encode())]
    campaign = b'{"list_id": 428, "name": "Spring", "body": "Hello"}'
    with run_emulator() as running:
        classes: list[tuple[str, Any, Callable[[Any], tuple[str, str, list[tuple[bytes, bytes]], bytes]]]] = [
            (
                "raw bodies",
                st.tuples(
                    st.sampled_from(hostile.METHODS),
                    st.sampled_from(hostile.API_PATHS),
                    hostile.RAW_BODIES,
                    hostile.AUTHORIZATION,
                ),
                lambda d: (d[0], d[1], [(b"Authorization", d[3]), (b"Content-Type", b"application/json")], d[2]),
            ),
            (
                "query strings",
                st.tuples(hostile.QUERIES, hostile.AUTHORIZATION),
                lambda d: ("GET", "/v3/sms-campaigns" + (f"?{d[0]}" if d[0] else ""), [(b"Authorization", d[1])], b""),
            ),
            (
                "headers",
                st.tuples(st.sampled_from(hostile.METHODS), st.sampled_from(hostile.API_PATHS), hostile.HEADERS).filter(
                    lambda d: all(name != b"Content-Length" for name, _ in d[2])
                ),
                lambda d: (d[0], d[1], d[2], campaign),
            ),
            (
                "paths",
                st.tuples(st.sampled_from(hostile.METHODS), hostile.PATHS),
                lambda d: (d[0], d[1], good, campaign),
            ),
            (
                "administration inputs",
                st.tuples(
                    st.sampled_from(["GET", "POST", "DELETE", "PUT"]),
                    st.sampled_from(hostile.ADMIN_PATHS),
                    hostile.ADMIN_BODIES,
                ),
                lambda d: (d[0], d[1], [(b"Content-Type", b"application/json")], d[2]),
            ),
        ]
        for kind, strategy, build in classes:
            _emulator_class(examples, strategy, build, running, recorder(f"emulator: {kind}"))


def _attack_the_inputs(examples: int, recorder: Callable[[str], Callable[..., None]]) -> None:
    import io
    import os
    import tempfile
    from pathlib import Path

    from clicksend_emulator import EmulatorConfig
    from clicksend_emulator.app import Emulator
    from clicksend_emulator.store import StoreError
    from clicksend_sms_campaigns._core.cli import main as cli_main

    from tests.cli import test_any_argv as argv_attacks
    from tests.cli import test_no_key_in_output as config_attacks
    from tests.emulator import test_store_safety as store_attacks

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        record = recorder("cli: malformed config files")
        for name, content in config_attacks.MALFORMED.items():
            for verbose in ([], ["-v"]):
                config = root / "config.ini"
                config.write_bytes(content)
                config.chmod(0o600)
                out, err = io.StringIO(), io.StringIO()
                code = cli_main([*verbose, "--config", str(config), "list"], environ={"HOME": folder},
                                stdin=io.StringIO(), stdout=out, stderr=err)  # fmt: skip
                problems = [f"prints {leak!r}" for leak in config_attacks._leaks(out.getvalue() + err.getvalue())]
                problems += ["a traceback"] if "Traceback" in err.getvalue() else []
                problems += [f"exit {code}"] if code not in (2, 4) else []
                record(_Judged(problems), name, " ".join(verbose) or "plain")

        record = recorder("cli: argument lists")
        previous = Path.cwd()
        os.chdir(folder)
        os.mkfifo("fifo", 0o600)
        Path("folder").mkdir()
        try:

            @_counting(examples)
            @given(st.lists(argv_attacks.TOKEN, max_size=7))
            def run(argv: list[str]) -> None:
                try:
                    argv_attacks.assert_well_behaved(argv, argv_attacks.run(argv))
                    problems = []
                except AssertionError as failure:
                    problems = [str(failure)[:160]]
                record(_Judged(problems), "argv", repr(argv)[:40])

            run()
        finally:
            os.chdir(previous)

        record = recorder("emulator: damaged store files")
        for name, (damage, _) in store_attacks.DAMAGES.items():
            store = root / f"{abs(hash(name))}.sqlite3"
            store_attacks._good_store(store)
            damage(store)
            try:
                Emulator(EmulatorConfig(db_path=store))
                problems = ["started on a damaged file"]
            except StoreError as refused:
                line = str(refused)
                problems = [] if line.startswith(f"{store}: ") and "\n" not in line else [f"said {line!r}"]
            except Exception as error:  # a traceback is what this class counts
                problems = [f"{type(error).__name__}: {error}"]
            record(_Judged(problems), name, "")


def _emulator_class(
    examples: int, strategy: Any, build: Callable[[Any], Any], running: Any, record: Callable[..., None]
) -> None:
    from tests.hostile import emulator_attacks as hostile

    @_counting(examples)
    @given(strategy)
    def run(drawn: Any) -> None:
        method, path, headers, body = build(drawn)
        problems = hostile.attack(running, method, path, headers, body)
        running.emulator.faults.clear()  # a fault the attack added must not fail the next case
        record(_Judged(problems), method, path[:40])

    run()


class _Judged:
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems


def _with_case(inner: Any) -> Any:
    return st.tuples(CASE, inner)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.hostile.report", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer generated cases, scripted scenarios on two operations"
    )
    parser.add_argument("--examples", type=int, default=None, help="generated cases per class")
    parser.add_argument("--emulator", action="store_true", help="attack the emulator instead of the client")
    parser.add_argument("--inputs", action="store_true", help="attack config files, the command line and the store")
    args = parser.parse_args(argv)
    logging.getLogger("clicksend_sms_campaigns").setLevel(logging.ERROR)  # the retries' warnings
    examples = args.examples or (60 if args.quick else 300)
    tried: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)

    def recorder(kind: str) -> Callable[..., None]:
        def record(outcome: Any, operation: str, mode: str) -> None:
            tried[kind] += 1
            if outcome.problems:
                failed[kind] += 1
                if len(samples[kind]) < 5:
                    samples[kind].append(f"{operation} {mode}: {'; '.join(outcome.problems)}")

        return record

    if args.inputs:
        _attack_the_inputs(examples, recorder)
    elif args.emulator:
        _attack_the_emulator(examples, recorder)
    else:
        _attack_the_client(examples, recorder, quick=args.quick)

    width = max(len(kind) for kind in tried)
    print(f"{'attack class':{width}}  tried  failed")
    for kind in tried:
        print(f"{kind:{width}}  {tried[kind]:5}  {failed[kind]:6}")
    print(f"{'all':{width}}  {sum(tried.values()):5}  {sum(failed.values()):6}")
    for kind, lines in samples.items():
        print(f"\n{kind}:")
        for line in lines:
            print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
