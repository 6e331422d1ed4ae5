"""The spec's constraints, for the hand-written checks. Written by scripts/regenerate.py; never edit it.

Taken from the hand-written spec before overlays, with descriptions and examples left out.
"""

from typing import Any, Final

#: Path and query parameter schemas by operationId, then parameter name ($refs resolved).
PARAMETERS: Final[dict[str, dict[str, Any]]] = {
    "get_sms_campaign": {"sms_campaign_id": {"type": "integer", "minimum": 1}},
    "update_sms_campaign": {"sms_campaign_id": {"type": "integer", "minimum": 1}},
    "cancel_sms_campaign": {"sms_campaign_id": {"type": "integer", "minimum": 1}},
    "list_sms_campaigns": {
        "page": {"type": "integer", "minimum": 1, "default": 1},
        "limit": {"type": "integer", "minimum": 15, "maximum": 100, "default": 15},
        "q": {
            "type": "string",
            "pattern": "^(sms_campaign_id|name|user_id|subaccount_id|list_id|from|body|schedule|status|date_added|custom_string|url_to_shorten|unsubscribe_link|source):[^,]*(,(sms_campaign_id|name|user_id|subaccount_id|list_id|from|body|schedule|status|date_added|custom_string|url_to_shorten|unsubscribe_link|source):[^,]*)*$",
            "x-search-fields": [
                "sms_campaign_id",
                "name",
                "user_id",
                "subaccount_id",
                "list_id",
                "from",
                "body",
                "schedule",
                "status",
                "date_added",
                "custom_string",
                "url_to_shorten",
                "unsubscribe_link",
                "source",
            ],
        },
        "operator": {"type": "string", "enum": ["AND", "OR"], "default": "AND"},
        "order_by": {
            "type": "string",
            "pattern": "^(name|status|schedule|from|date_added|sms_campaign_id|user_id|subaccount_id|list_id|body|custom_string|url_to_shorten|unsubscribe_link|source):(asc|desc)$",
            "x-sort-fields": [
                "name",
                "status",
                "schedule",
                "from",
                "date_added",
                "sms_campaign_id",
                "user_id",
                "subaccount_id",
                "list_id",
                "body",
                "custom_string",
                "url_to_shorten",
                "unsubscribe_link",
                "source",
            ],
        },
        "date_from": {"type": "integer", "minimum": 0},
        "date_to": {"type": "integer", "minimum": 0},
    },
}
#: The request body schema of each operation that has one, by operationId.
REQUEST_SCHEMAS: Final[dict[str, str]] = {
    "send_sms_campaign": "SmsCampaignSendRequest",
    "calculate_sms_campaign_price": "SmsCampaignPriceRequest",
    "update_sms_campaign": "SmsCampaignUpdateRequest",
}
#: components/schemas ($refs kept as written).
SCHEMAS: Final[dict[str, Any]] = {
    "UnixTimestamp": {"type": "integer", "minimum": 0},
    "UnixTimestampAnyForm": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+$"}]},
    "DecimalAnyForm": {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"}]
    },
    "ListId": {
        "anyOf": [
            {"type": "integer", "format": "int32", "minimum": 1, "maximum": 2147483647},
            {"type": "string", "pattern": "^[1-9][0-9]{0,9}$"},
        ]
    },
    "ListIdInput": {
        "anyOf": [{"type": "integer"}, {"type": "string", "minLength": 1}],
        "x-documented-rule": {"anyOf": [{"type": "integer"}, {"pattern": "^[1-9][0-9]*$"}]},
    },
    "CampaignName": {"type": "string", "minLength": 1},
    "MessageBody": {"type": "string", "minLength": 1},
    "SenderId": {
        "type": "string",
        "x-documented-rule": {
            "anyOf": [
                {"pattern": "^\\+[1-9][0-9]{1,14}$"},
                {"pattern": "^[A-Za-z0-9+]*[A-Za-z][A-Za-z0-9+]*$", "minLength": 3, "maxLength": 11},
            ]
        },
    },
    "CountryCode": {"type": "string", "x-documented-rule": {"pattern": "^[A-Z]{2}$"}},
    "UrlToShorten": {"type": "string", "x-documented-rule": {"pattern": "^https?://", "maxLength": 250}},
    "SenderInput": {
        "type": "object",
        "additionalProperties": True,
        "x-documented-rule": {
            "required": ["recipient_country_code"],
            "anyOf": [{"required": ["sender_id"]}, {"required": ["sender_type"]}],
        },
        "properties": {
            "recipient_country_code": {"$ref": "#/components/schemas/CountryCode"},
            "sender_id": {"$ref": "#/components/schemas/SenderId"},
            "sender_type": {
                "type": "string",
                "x-known-values": ["shared_longcode", "longcode"],
                "x-documented-rule": {"enum": ["shared_longcode"]},
            },
            "sender_country_code": {"type": "string", "x-documented-rule": {"pattern": "^([A-Z]{2})?$"}},
        },
    },
    "SmsCampaignSendRequest": {
        "type": "object",
        "additionalProperties": True,
        "required": ["list_id", "name", "body"],
        "properties": {
            "list_id": {"$ref": "#/components/schemas/ListIdInput"},
            "name": {"$ref": "#/components/schemas/CampaignName"},
            "from": {"$ref": "#/components/schemas/SenderId"},
            "body": {"$ref": "#/components/schemas/MessageBody"},
            "source": {"type": "string"},
            "schedule": {"$ref": "#/components/schemas/UnixTimestamp"},
            "senders": {"type": "array", "items": {"$ref": "#/components/schemas/SenderInput"}},
            "url_to_shorten": {"$ref": "#/components/schemas/UrlToShorten"},
        },
    },
    "SmsCampaignPriceRequest": {
        "type": "object",
        "additionalProperties": True,
        "required": ["list_id", "name", "body"],
        "properties": {
            "list_id": {"$ref": "#/components/schemas/ListIdInput"},
            "name": {"$ref": "#/components/schemas/CampaignName"},
            "from": {"$ref": "#/components/schemas/SenderId"},
            "body": {"$ref": "#/components/schemas/MessageBody"},
            "schedule": {"$ref": "#/components/schemas/UnixTimestamp"},
        },
    },
    "SmsCampaignUpdateRequest": {
        "type": "object",
        "additionalProperties": True,
        "required": ["list_id", "name", "body"],
        "properties": {
            "list_id": {"$ref": "#/components/schemas/ListIdInput"},
            "name": {"$ref": "#/components/schemas/CampaignName"},
            "from": {"$ref": "#/components/schemas/SenderId"},
            "body": {"$ref": "#/components/schemas/MessageBody"},
            "schedule": {"$ref": "#/components/schemas/UnixTimestamp"},
        },
    },
    "Sender": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "recipient_country_code": {"type": "string"},
            "sender_id": {"type": "string"},
            "sender_type": {"type": "string", "x-known-values": ["shared_longcode", "longcode"]},
            "sender_country_code": {"type": "string"},
        },
    },
    "SmsCampaign": {
        "type": "object",
        "x-tolerant-reader": True,
        "required": ["sms_campaign_id"],
        "properties": {
            "sms_campaign_id": {
                "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^[0-9]+$"}]
            },
            "name": {"type": "string"},
            "user_id": {"type": "integer"},
            "subaccount_id": {"type": "integer"},
            "list_id": {"$ref": "#/components/schemas/ListId"},
            "from": {"type": "string"},
            "body": {"type": "string"},
            "schedule": {"$ref": "#/components/schemas/UnixTimestampAnyForm"},
            "status": {
                "type": "string",
                "x-known-values": [
                    "Approved",
                    "Cancelled",
                    "Draft",
                    "Failed",
                    "Queued",
                    "Scheduled",
                    "Sending",
                    "Sent",
                    "WaitApproval",
                ],
            },
            "date_added": {"$ref": "#/components/schemas/UnixTimestampAnyForm"},
            "custom_string": {"type": ["string", "null"]},
            "url_to_shorten": {"type": "string"},
            "unsubscribe_link": {"type": "integer"},
            "source": {"type": ["string", "null"]},
            "senders": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Sender"}},
            "_total_count": {"type": "integer"},
            "_list_name": {"type": "string"},
        },
    },
    "SmsCampaignSendWrapper": {
        "type": "object",
        "x-tolerant-reader": True,
        "required": ["sms_campaign"],
        "properties": {
            "sms_campaign": {"$ref": "#/components/schemas/SmsCampaign"},
            "total_count": {"type": "integer"},
        },
    },
    "SmsCampaignPage": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "total": {"type": "integer", "minimum": 0},
            "per_page": {"type": "integer", "minimum": 1},
            "current_page": {"type": "integer", "minimum": 1},
            "last_page": {"type": "integer", "minimum": 1},
            "next_page_url": {"type": ["string", "null"]},
            "prev_page_url": {"type": ["string", "null"]},
            "from": {"type": ["integer", "null"]},
            "to": {"type": ["integer", "null"]},
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/SmsCampaign"}},
        },
    },
    "SmsCampaignPriceDetails": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "from": {"type": "string"},
            "body": {"type": "string"},
            "schedule": {"$ref": "#/components/schemas/UnixTimestampAnyForm"},
        },
    },
    "SmsCampaignPriceCurrency": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "currency_name_short": {"type": "string"},
            "currency_prefix_d": {"type": "string"},
            "currency_prefix_c": {"type": "string"},
            "currency_name_long": {"type": "string"},
            "min_recharge_amount": {"$ref": "#/components/schemas/DecimalAnyForm"},
            "max_recharge_amount": {"$ref": "#/components/schemas/DecimalAnyForm"},
        },
    },
    "SmsCampaignPrice": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "total_count": {"type": "integer", "minimum": 0},
            "total_price": {"$ref": "#/components/schemas/DecimalAnyForm"},
            "data": {"$ref": "#/components/schemas/SmsCampaignPriceDetails"},
            "_currency": {"$ref": "#/components/schemas/SmsCampaignPriceCurrency"},
        },
    },
    "Envelope": {
        "type": "object",
        "x-tolerant-reader": True,
        "properties": {
            "http_code": {"type": "integer"},
            "response_code": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "response_msg": {"type": "string"},
        },
    },
    "SmsCampaignEnvelope": {
        "x-tolerant-reader": True,
        "allOf": [
            {"$ref": "#/components/schemas/Envelope"},
            {
                "type": "object",
                "required": ["data"],
                "properties": {"data": {"$ref": "#/components/schemas/SmsCampaign"}},
            },
        ],
    },
    "SmsCampaignSendEnvelope": {
        "x-tolerant-reader": True,
        "allOf": [
            {"$ref": "#/components/schemas/Envelope"},
            {
                "type": "object",
                "required": ["data"],
                "properties": {
                    "data": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/SmsCampaign"},
                            {"$ref": "#/components/schemas/SmsCampaignSendWrapper"},
                        ]
                    }
                },
            },
        ],
    },
    "SmsCampaignPageEnvelope": {
        "x-tolerant-reader": True,
        "allOf": [
            {"$ref": "#/components/schemas/Envelope"},
            {"type": "object", "properties": {"data": {"$ref": "#/components/schemas/SmsCampaignPage"}}},
        ],
    },
    "SmsCampaignPriceEnvelope": {
        "x-tolerant-reader": True,
        "allOf": [
            {"$ref": "#/components/schemas/Envelope"},
            {"type": "object", "properties": {"data": {"$ref": "#/components/schemas/SmsCampaignPrice"}}},
        ],
    },
    "ErrorEnvelope": {
        "x-tolerant-reader": True,
        "allOf": [{"$ref": "#/components/schemas/Envelope"}, {"type": "object", "properties": {"data": {}}}],
        "x-known-values": [
            "BAD_REQUEST",
            "UNAUTHORIZED",
            "FORBIDDEN",
            "NOT_FOUND",
            "METHOD_NOT_ALLOWED",
            "TOO_MANY_REQUESTS",
            "INTERNAL_SERVER_ERROR",
            "MISSING_CREDENTIALS",
            "ACCOUNT_NOT_ACTIVATED",
            "INVALID_RECIPIENT",
            "THROTTLED",
            "INVALID_SENDER_ID",
            "INSUFFICIENT_CREDIT",
            "INVALID_CREDENTIALS",
            "ALREADY_EXISTS",
            "EMPTY_MESSAGE",
            "TOO_MANY_RECIPIENTS",
            "MISSING_REQUIRED_FIELDS",
            "INVALID_SCHEDULE",
            "NOT_ENOUGH_PERMISSION_TO_LIST_ID",
            "INTERNAL_ERROR",
            "SOMETHING_IS_WRONG",
        ],
    },
}
