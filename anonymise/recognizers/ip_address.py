"""IP_ADDRESS: Presidio's IPv4/IPv6 recognizer (validated by ``ipaddress``), with Korean context words."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import IpRecognizer

from anonymise.recognizers import gates


class IpAddressRecognizer(IpRecognizer):
    # An IPv4 address holds digit.digit, an IPv6 one two colons (2001:db8::1, ::1).
    TEXT_GATES = (gates.gate(r"\d\.\d|:[0-9a-f]*:"),)
    CONTEXT = ["ip", "아이피", "접속", "address", "ipv4", "ipv6", "地址"]

    def __init__(self):
        super().__init__(supported_entity="IP_ADDRESS", context=self.CONTEXT, name="IpAddressRecognizer")


RECOGNIZERS = [IpAddressRecognizer]
