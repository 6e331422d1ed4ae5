"""Contains all the data models used in inputs/outputs"""

from .envelope import Envelope
from .error_envelope import ErrorEnvelope
from .list_sms_campaigns_operator import ListSmsCampaignsOperator
from .sender import Sender
from .sender_input import SenderInput
from .sms_campaign import SmsCampaign
from .sms_campaign_envelope import SmsCampaignEnvelope
from .sms_campaign_page import SmsCampaignPage
from .sms_campaign_page_envelope import SmsCampaignPageEnvelope
from .sms_campaign_price import SmsCampaignPrice
from .sms_campaign_price_currency import SmsCampaignPriceCurrency
from .sms_campaign_price_details import SmsCampaignPriceDetails
from .sms_campaign_price_envelope import SmsCampaignPriceEnvelope
from .sms_campaign_price_request import SmsCampaignPriceRequest
from .sms_campaign_send_envelope import SmsCampaignSendEnvelope
from .sms_campaign_send_request import SmsCampaignSendRequest
from .sms_campaign_send_wrapper import SmsCampaignSendWrapper
from .sms_campaign_update_request import SmsCampaignUpdateRequest

__all__ = (
    "Envelope",
    "ErrorEnvelope",
    "ListSmsCampaignsOperator",
    "Sender",
    "SenderInput",
    "SmsCampaign",
    "SmsCampaignEnvelope",
    "SmsCampaignPage",
    "SmsCampaignPageEnvelope",
    "SmsCampaignPrice",
    "SmsCampaignPriceCurrency",
    "SmsCampaignPriceDetails",
    "SmsCampaignPriceEnvelope",
    "SmsCampaignPriceRequest",
    "SmsCampaignSendEnvelope",
    "SmsCampaignSendRequest",
    "SmsCampaignSendWrapper",
    "SmsCampaignUpdateRequest",
)
