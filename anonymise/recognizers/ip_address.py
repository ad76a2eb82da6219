"""IP_ADDRESS: Presidio's IPv4/IPv6 recognizer (validated by ``ipaddress``), with Korean context words."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import IpRecognizer


class IpAddressRecognizer(IpRecognizer):
    CONTEXT = ["ip", "아이피", "접속", "address", "ipv4", "ipv6", "地址"]

    def __init__(self):
        super().__init__(supported_entity="IP_ADDRESS", context=self.CONTEXT, name="IpAddressRecognizer")


RECOGNIZERS = [IpAddressRecognizer]
