"""analyze_message: encoding, length, parts and opt-out, checked against the gsm0338 codec as oracle."""

from __future__ import annotations

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)
import pytest
from clicksend_sms_campaigns import analyze_message, render_message, to_gsm
from clicksend_sms_campaigns._core.message import GSM_BASIC, GSM_EXTENSION
from hypothesis import given, settings
from hypothesis import strategies as st

ESCAPE = "\x1b"  # the codec encodes the escape code itself; a message never carries it as a character


def _septets(text: str) -> int | None:
    """The oracle: septets the gsm0338 codec needs for `text`, or None if it cannot encode it."""
    try:
        return len(text.encode("gsm03.38"))
    except UnicodeError:
        return None


def _line_breaks_beyond_septets(text: str) -> int:
    # ClickSend counts every line break as 2; "\r\n" is already 2 septets, a lone "\n" or "\r" is 1.
    return text.count("\n") + text.count("\r") - 2 * text.count("\r\n")


def test_every_bmp_character_is_classified_as_the_codec_does() -> None:
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or chr(code) == ESCAPE:
            continue
        character = chr(code)
        gsm = analyze_message(character).encoding == "GSM-7"
        assert gsm == (_septets(character) is not None), f"U+{code:04X} {character!r}"


def test_the_tables_hold_exactly_the_characters_the_codec_encodes() -> None:
    assert len(GSM_BASIC) == 127 and len(GSM_EXTENSION) == 10
    assert all(_septets(c) == 1 for c in GSM_BASIC)
    assert all(_septets(c) == 2 for c in GSM_EXTENSION)


GSM_TEXT = st.text(st.sampled_from(GSM_BASIC + GSM_EXTENSION), max_size=400)
ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters=ESCAPE), max_size=200)
MIXED_TEXT = st.lists(
    st.one_of(GSM_TEXT, st.sampled_from(["\n", "\r\n", "é", "€", "😀", "“", "…", "ñ", "ç"])), max_size=30
).map("".join)


@settings(max_examples=400, derandomize=True)
@given(text=st.one_of(GSM_TEXT, ANY_TEXT, MIXED_TEXT))
def test_encoding_and_length_agree_with_the_codec(text: str) -> None:
    analysis = analyze_message(text)
    septets = _septets(text)
    if septets is None:
        assert analysis.encoding == "Unicode"
        utf16_units = len(text.encode("utf-16-le")) // 2
        assert analysis.length == utf16_units + _line_breaks_beyond_septets(text)
        assert analysis.unicode_characters, "a Unicode message names what made it Unicode"
        assert all(_septets(u.character) is None for u in analysis.unicode_characters)
        assert [text[u.position] for u in analysis.unicode_characters] == [
            u.character for u in analysis.unicode_characters
        ]
    else:
        assert analysis.encoding == "GSM-7"
        assert analysis.length == septets + _line_breaks_beyond_septets(text)
        assert analysis.unicode_characters == ()


@settings(max_examples=200, derandomize=True)
@given(text=st.one_of(GSM_TEXT, ANY_TEXT, MIXED_TEXT))
def test_parts_follow_the_documented_thresholds(text: str) -> None:
    analysis = analyze_message(text)
    single, per_part = (160, 153) if analysis.encoding == "GSM-7" else (70, 67)
    if analysis.length <= single:
        assert analysis.parts == 1
    else:
        assert (analysis.parts - 1) * per_part < analysis.length <= analysis.parts * per_part


@pytest.mark.parametrize(
    ("length", "parts"), [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4), (1072, 8), (1224, 8)]
)
def test_gsm_part_table(length: int, parts: int) -> None:
    assert analyze_message("a" * length).parts == parts


@pytest.mark.parametrize(("length", "parts"), [(70, 1), (71, 2), (134, 2), (135, 3), (470, 8), (536, 8), (537, 9)])
def test_unicode_part_table(length: int, parts: int) -> None:
    analysis = analyze_message("ж" * length)
    assert (analysis.encoding, analysis.length, analysis.parts) == ("Unicode", length, parts)


@pytest.mark.parametrize(
    ("text", "length"),
    [("a\nb", 4), ("a\r\nb", 4), ("a\rb", 4), ("{x}", 5), ("€5", 3), ("😀", 2), ("é😀\n", 5), ("ab\n\n", 6)],
)
def test_counting_decisions(text: str, length: int) -> None:
    assert analyze_message(text).length == length


def test_a_160_character_message_with_one_extension_character_takes_two_parts() -> None:
    assert analyze_message("a" * 159 + "^").parts == 2


def test_unicode_characters_with_positions_and_replacements() -> None:
    analysis = analyze_message("It’s “great” – see… 😀")
    found = [(u.position, u.character, u.replacement) for u in analysis.unicode_characters]
    assert found == [(2, "’", "'"), (5, "“", '"'), (11, "”", '"'), (13, "–", "-"), (18, "…", "..."), (20, "😀", None)]
    assert to_gsm("It’s “great” – see…") == 'It\'s "great" - see...'
    assert analyze_message(to_gsm("It’s “great”\u00a0– see…")).encoding == "GSM-7"


@pytest.mark.parametrize(
    ("text", "has_opt_out"),
    [
        ("Sale today. Reply STOP to opt out", True),
        ("Sale today. reply stop", True),
        ("Sale today. Txt STOP to 123", True),
        ("Sale: StopMsg.me/xxxxx", True),
        ("Sale today, don't stop now", False),
        ("Sale today", False),
    ],
)
def test_opt_out_detection(text: str, has_opt_out: bool) -> None:
    assert analyze_message(text).has_opt_out is has_opt_out


def test_placeholders_are_replaced_for_a_recipient() -> None:
    body = "Hi (First Name) (Last Name), code (Cust. 1)! StopMsg.me/xxxxx"
    recipient = {"first_name": "Zoë", "last_name": "Łukasz", "custom_1": "A7"}
    analysis = analyze_message(body, recipient=recipient)
    assert analysis.text == "Hi Zoë Łukasz, code A7! StopMsg.me/xxxxx"
    assert analysis.encoding == "Unicode", "Ł is outside GSM-7, so this recipient's message is Unicode"
    assert analyze_message(body, recipient={"first_name": "Zoe"}).text == "Hi Zoe , code ! StopMsg.me/xxxxx"
    assert analyze_message(body).text == body, "without a recipient the placeholders stay"


def test_url_to_shorten_fills_the_short_link_placeholder_or_is_appended() -> None:
    assert render_message("Deals", url_to_shorten="https://example.com/a") == "Deals smsu.io/xxxxx"
    assert render_message("Go smsu.io/xxxxx now", url_to_shorten="https://example.com/a") == "Go smsu.io/xxxxx now"
    assert analyze_message("a" * 150, url_to_shorten="https://example.com").length == 164


def test_a_body_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="body must be a string"):
        analyze_message(b"bytes")  # type: ignore[arg-type]


PLACEHOLDERS = ["(First Name)", "(Last Name)", "(Cust. 1)", "(Cust. 2)", "(Cust. 3)", "(Cust. 4)"]
# Pieces that meet across a placeholder's edge: "\r" then "\n", an extension character, Unicode.
EDGE_PIECES = ["\r", "\n", "€", "^", "é", "😀", "“", "a", " "]
BODY_TEXT = st.lists(st.one_of(st.sampled_from(PLACEHOLDERS + EDGE_PIECES), GSM_TEXT, ANY_TEXT), max_size=12).map(
    "".join
)
VALUE = st.one_of(st.text(st.sampled_from(EDGE_PIECES), max_size=4), ANY_TEXT, GSM_TEXT)
RECIPIENT = st.dictionaries(
    st.sampled_from(["first_name", "last_name", "custom_1", "custom_2", "custom_3", "custom_4"]), VALUE
)


@settings(max_examples=400, derandomize=True)
@given(body=BODY_TEXT, recipient=RECIPIENT, url=st.sampled_from([None, "", "https://example.com/a"]))
def test_a_personalised_message_is_analysed_as_its_rendered_text(
    body: str, recipient: dict[str, str], url: str | None
) -> None:
    # The body is analysed once and only the recipient's values each time; the result must be
    # what analysing the whole rendered text gives (itself checked against the codec above).
    text = render_message(body, recipient=recipient, url_to_shorten=url)
    assert analyze_message(body, recipient=recipient, url_to_shorten=url) == analyze_message(text)
