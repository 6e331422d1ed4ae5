"""The accounts and contact lists an emulator starts with.

Phone numbers are ClickSend's published test numbers only, so nothing seeded here is a real
person's number. The big list has 20,000 contacts with first and last names and custom fields,
some of them outside GSM-7, so that personalisation changes the encoding and parts per recipient.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from typing import Literal

#: The API key ClickSend documents for its test usernames nocredit, notactive and banned.
TEST_API_KEY = "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE"
#: ClickSend's test numbers: "No messages will be sent, and your account won't be charged."
TEST_NUMBERS = (
    "+61411111111",
    "+61422222222",
    "+61433333333",
    "+61444444444",
    "+14055555555",
    "+14055555666",
    "+447777777777",
    "+8615555555555",
)

AccountStatus = Literal["active", "nocredit", "notactive", "banned"]


@dataclass(frozen=True)
class Account:
    username: str
    api_key: str
    user_id: int
    subaccount_id: int
    status: AccountStatus = "active"


@dataclass(frozen=True)
class Contact:
    phone: str
    first_name: str
    last_name: str
    custom: tuple[str, str, str, str] = ("", "", "", "")


@dataclass(frozen=True)
class ContactList:
    list_id: int
    user_id: int
    name: str
    contacts: tuple[Contact, ...] = field(repr=False)


DEFAULT_ACCOUNTS = (
    Account("emulator", "emulator-key", user_id=1001, subaccount_id=2001),
    Account("emulator-other", "emulator-other-key", user_id=1002, subaccount_id=2002),
    Account("nocredit", TEST_API_KEY, user_id=1003, subaccount_id=2003, status="nocredit"),
    Account("notactive", TEST_API_KEY, user_id=1004, subaccount_id=2004, status="notactive"),
    Account("banned", TEST_API_KEY, user_id=1005, subaccount_id=2005, status="banned"),
)

SMALL_LIST_ID, BIG_LIST_ID = 428, 2000
BIG_LIST_SIZE = 20_000

_FIRST_NAMES = (
    "Ann",
    "Bob",
    "Chloé",
    "Dmitri",
    "Eve",
    "Farah",
    "Günter",
    "Hana",
    "Ivan",
    "Zoë",
    "Łucja",
    "Søren",
    "Mei",
)
_LAST_NAMES = ("Smith", "Nguyen", "Okafor", "Müller", "García", "Kowalczyk", "Brown", "Øvergaard", "Şahin", "Lee")


def _contacts(count: int, rng: random.Random) -> tuple[Contact, ...]:
    return tuple(
        Contact(
            phone=TEST_NUMBERS[index % len(TEST_NUMBERS)],
            first_name=rng.choice(_FIRST_NAMES),
            last_name=rng.choice(_LAST_NAMES),
            custom=(f"C{index:05d}", rng.choice(("gold", "silver", "€10 off", "")), "", ""),
        )
        for index in range(count)
    )


def default_lists(accounts: tuple[Account, ...] = DEFAULT_ACCOUNTS, *, seed: int = 2038) -> dict[int, ContactList]:
    """A small list (id 428) and a 20,000-contact list (id 2000) for the first account; a small
    list for every other account, with ids 3000 + n."""
    return dict(_seeded_lists(accounts, seed))


@functools.lru_cache(maxsize=8)
def _seeded_lists(accounts: tuple[Account, ...], seed: int) -> tuple[tuple[int, ContactList], ...]:
    # Built once per accounts and seed: the lists are immutable, and 20,000 contacts take a tenth
    # of a second that every emulator started in a test would spend again.
    rng = random.Random(seed)
    first, *others = accounts
    lists = {
        SMALL_LIST_ID: ContactList(SMALL_LIST_ID, first.user_id, "Customers", _contacts(len(TEST_NUMBERS), rng)),
        BIG_LIST_ID: ContactList(BIG_LIST_ID, first.user_id, "Everyone", _contacts(BIG_LIST_SIZE, rng)),
    }
    for number, account in enumerate(others, start=1):
        list_id = 3000 + number
        lists[list_id] = ContactList(list_id, account.user_id, f"{account.username} list", _contacts(3, rng))
    return tuple(lists.items())
