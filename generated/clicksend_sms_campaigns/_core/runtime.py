"""What the generated code may use of the hand-written layer, and nothing else.

The templates in generator/templates/ import from this module only: the endpoint modules check
their arguments and encode their bodies (validation.py), name themselves and their deadline to the
transport (retries.py, bounds.py), and turn an answer into their model or a ClickSendError
(responses.py); the models raise InvalidFieldError; client.py names the client. A name the
templates need goes here first, so that this file is the whole surface between the two.
"""

from .bounds import DEADLINE_EXTENSION
from .clicksend_client import ClickSendClient
from .exceptions import InvalidFieldError
from .responses import error_from_response, parse_success
from .retries import OPERATION_EXTENSION
from .validation import check_request, encode_json, json_body

__all__ = (
    "DEADLINE_EXTENSION",
    "OPERATION_EXTENSION",
    "ClickSendClient",
    "InvalidFieldError",
    "check_request",
    "encode_json",
    "error_from_response",
    "json_body",
    "parse_success",
)
