"""The emulator's price counts each recipient's parts without building their message, and gets
the same count as building it and counting it whole (the way it used to, 100 times slower)."""

from __future__ import annotations

from clicksend_emulator.pricing import _PLACEHOLDERS, message_parts, personalise, price_campaign, recipient_parts
from clicksend_emulator.seed import Contact, default_lists
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = st.one_of(
    st.sampled_from([*_PLACEHOLDERS, "\r", "\n", "\r\n", "€", "{", "ü", "ä", "\x1b", "😀", " ", "(First", "Name)"]),
    st.text(max_size=8),
)
VALUES = st.one_of(
    st.sampled_from(["", "\r", "\n", "Zoë", "€5", "Ann", "(Last Name)", "😀", "{x}"]), st.text(max_size=6)
)


@settings(max_examples=500, deadline=None)
@given(
    body=st.lists(PIECES, max_size=40).map("".join),
    values=st.lists(VALUES, min_size=6, max_size=6),
)
def test_parts_without_building_the_message_equal_parts_of_the_message(body: str, values: list[str]) -> None:
    contact = Contact("+61411111111", values[0], values[1], (values[2], values[3], values[4], values[5]))
    assert recipient_parts(body, contact) == message_parts(personalise(body, contact))


def test_a_value_that_spells_a_placeholder_is_kept_as_it_is() -> None:
    contact = Contact("+61411111111", "(Last Name)", "Smith")
    assert personalise("Hi (First Name)", contact) == "Hi (Last Name)"


def test_the_big_list_prices_as_if_every_message_were_built() -> None:
    contacts = max(default_lists().values(), key=lambda each: len(each.contacts)).contacts
    body = "Dear (First Name) (Last Name), code (Cust. 1), tier (Cust. 2): " * 20 + "€"
    count, _, breakdown = price_campaign(body, contacts)
    assert count == 20_000
    assert sum(int(country["parts"]) for country in breakdown.values()) == sum(
        message_parts(personalise(body, contact)) for contact in contacts
    )
