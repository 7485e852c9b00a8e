import socket

import pytest


def test_any_outgoing_connect_fails() -> None:
    with pytest.raises(AssertionError, match="no network"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)


def test_loopback_is_blocked_unless_marked() -> None:
    s = socket.socket()
    with pytest.raises(AssertionError, match="no network"):
        s.connect(("127.0.0.1", 9))
    s.close()
