"""The launch contract's pure parts: version negotiation and the handshake line."""

import pytest

from polyconnect_sdk.wire.handshake import HandshakeError, format_handshake_line, negotiate_app_protocol_version, parse_handshake_line


@pytest.mark.parametrize(
    ("offered", "supported", "chosen"),
    [("1", (1,), 1), ("1,2", (1, 2), 2), (" 2 , 1 ", (1,), 1), ("3,2", (1, 2, 3), 3), ("2,3", (1,), None), ("", (1,), None), (None, (1,), None), ("x,1", (1,), 1)],
)
def test_negotiation_picks_the_highest_common_version(offered, supported, chosen):
    assert negotiate_app_protocol_version(offered, supported) == chosen


def test_the_line():
    assert format_handshake_line(1, "unix", "/tmp/pc-X/plugin-1-abcdef01.sock") == "1|1|unix|/tmp/pc-X/plugin-1-abcdef01.sock|grpc"


def test_parsing_is_as_lenient_as_go_plugin():
    assert parse_handshake_line("1|1|unix|/s.sock|grpc|\r\n").address == "/s.sock"
    assert parse_handshake_line("1|1|tcp|127.0.0.1:1234|grpc").network == "tcp"


@pytest.mark.parametrize("line", ["garbage", "2|1|unix|/s|grpc", "1|9|unix|/s|grpc", "1|1|udp|/s|grpc", "1|1|unix||grpc", "1|1|unix|/s", "1|1|unix|/s|netrpc"])
def test_bad_lines(line):
    with pytest.raises(HandshakeError):
        parse_handshake_line(line)
