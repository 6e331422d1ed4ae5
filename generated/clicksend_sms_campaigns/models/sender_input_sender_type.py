from typing import Literal

SenderInputSenderType = Literal["shared_longcode"]

SENDER_INPUT_SENDER_TYPE_VALUES: set[SenderInputSenderType] = {
    "shared_longcode",
}


def check_sender_input_sender_type(value: str) -> SenderInputSenderType:
    if value in SENDER_INPUT_SENDER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SENDER_INPUT_SENDER_TYPE_VALUES!r}")
