"""The address policy (net/address_policy.py) from tables: which addresses may be connected to, what a
name's resolution gives, and what the pinning adapter sends. Only the last test sends a request, to a
server of its own on 127.0.0.1; every other address here is classified as a string, never reached."""
import ipaddress
import socket

import pytest
import requests

from checker.errors import AddressRefused, NameNotResolved
from checker.net.address_policy import (AddressPolicy, PinnedAddressAdapter, WatchedHTTPConnection,
                                        WatchedHTTPPool, WatchedHTTPSPool)

from .servers import LocalServer, html

# (address, allowed networks, permitted): public unicast only, plus what the user allowed
PERMITS = [
    ("8.8.8.8", (), True),
    ("2606:4700::1111", (), True),
    ("2002::1", (), True),  # 6to4: global, no other flag
    ("224.0.1.1", (), False),  # multicast, though global
    ("ff0e::1", (), False),  # global-scope IPv6 multicast
    ("64:ff9b::808:808", (), False),  # NAT64: reserved, though global
    ("100.64.0.1", (), False),  # shared address space: neither global nor private
    ("10.0.0.1", (), False),
    ("127.0.0.1", (), False),
    ("::1", (), False),
    ("::ffff:127.0.0.1", (), False),  # an IPv4-mapped address is judged as the IPv4 one
    ("::ffff:8.8.8.8", (), True),
    ("127.0.0.1", ("127.0.0.1/32",), True),
    ("127.0.0.2", ("127.0.0.1/32",), False),
    ("::ffff:127.0.0.1", ("127.0.0.1/32",), True),
    ("::1", ("127.0.0.0/8",), False),  # an allowance of one version never admits the other
    ("127.0.0.1", ("::/0",), False),
    ("::1", ("::1/128",), True),
    ("127.9.9.9", ("127.0.0.5/8",), True),  # host bits in an allowance are forgiven
    ("10.0.0.1", ("127.0.0.0/8", "10.0.0.0/24"), True),  # any of several allowances
]


@pytest.mark.parametrize("address,allowed,permitted", PERMITS)
def test_permits(address, allowed, permitted):
    assert AddressPolicy.allowing(allowed).permits(ipaddress.ip_address(address)) is permitted


def test_allowing_keeps_its_networks():
    policy = AddressPolicy.allowing(["127.0.0.5/8", "::1"])
    assert policy.allowed == (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
    assert AddressPolicy.allowing().allowed == ()


class FakeResolver:
    """Stands in for socket.getaddrinfo: gives the addresses it was made with, or raises."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def __call__(self, host, port, **kwargs):
        self.calls.append((host, port, kwargs))
        if isinstance(self.answer, Exception):
            raise self.answer
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in self.answer]


# (what the name resolves to, the address connected to, or the error and its message)
RESOLVED = [
    (["93.184.216.34"], "93.184.216.34", None),
    (["8.8.8.8", "1.1.1.1"], "8.8.8.8", None),  # the first of several, all public
    (["2606:4700::1111%3"], "2606:4700::1111", None),  # a scope is dropped
    (["8.8.8.8", "127.0.0.1"], AddressRefused, "news.example resolves to 127.0.0.1, which is not a public address"),
    (["fe80::1%eth0"], AddressRefused, "news.example resolves to fe80::1, which is not a public address"),
    (socket.gaierror(-2, "Name or service not known"), NameNotResolved,
     "news.example does not resolve: [Errno -2] Name or service not known"),
    (UnicodeError("label too long"), NameNotResolved, "news.example does not resolve: label too long"),
]


@pytest.mark.parametrize("answer,expected,message", RESOLVED)
def test_resolve(monkeypatch, answer, expected, message):
    resolver = FakeResolver(answer)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    if message is None:
        got = AddressPolicy().resolve("news.example", 443)
        assert got == ipaddress.ip_address(expected) and str(got) == expected
    else:
        with pytest.raises(expected) as raised:
            AddressPolicy().resolve("news.example", 443)
        assert str(raised.value) == message
    assert resolver.calls == [("news.example", 443, {"type": socket.SOCK_STREAM})]


class PinnedPolicy:
    """A policy that resolves every name to one address, and notes what it was asked."""

    def __init__(self, address):
        self.address = ipaddress.ip_address(address)
        self.asked = []

    def resolve(self, host, port):
        self.asked.append((host, port))
        return self.address


# (URL, the name and port the policy is asked for, the address it gives, Host header, TLS name or None)
PINNED = [
    ("http://news.example/story", "news.example", 80, "93.184.216.34", "news.example", None),
    ("http://news.example:8080/story", "news.example", 8080, "93.184.216.34", "news.example:8080", None),
    ("https://news.example/story", "news.example", 443, "93.184.216.34", "news.example", "news.example"),
    ("https://news.example:8443/x", "news.example", 8443, "2606:4700::1111", "news.example:8443", "news.example"),
    ("http://[2001:db8::1]/story", "2001:db8::1", 80, "2606:4700::1111", "[2001:db8::1]", None),
    ("https://[2001:db8::1]:8443/x", "2001:db8::1", 8443, "93.184.216.34", "[2001:db8::1]:8443", "2001:db8::1"),
]


@pytest.mark.parametrize("url,host,port,address,host_header,tls_name", PINNED)
def test_the_adapter_connects_to_the_checked_address_and_names_the_host(url, host, port, address, host_header,
                                                                        tls_name):
    """No request is sent: the adapter only says where it would connect and what it would say."""
    policy = PinnedPolicy(address)
    request = requests.Request("GET", url).prepare()
    host_params, pool_kwargs = PinnedAddressAdapter(policy).build_connection_pool_key_attributes(request, True)
    assert policy.asked == [(host, port)]
    assert host_params == {"scheme": url.split(":")[0], "host": address, "port": port}
    assert request.headers["Host"] == host_header
    if tls_name is None:
        assert "assert_hostname" not in pool_kwargs and "server_hostname" not in pool_kwargs
    else:
        assert pool_kwargs["assert_hostname"] == pool_kwargs["server_hostname"] == tls_name


@pytest.mark.parametrize("verify,cert,expected", [
    (True, None, {"cert_reqs": "CERT_REQUIRED"}),
    (False, None, {"cert_reqs": "CERT_NONE"}),
    ("/etc/checker/ca.pem", ("client.pem", "client.key"),
     {"cert_reqs": "CERT_REQUIRED", "ca_certs": "/etc/checker/ca.pem", "cert_file": "client.pem", "key_file": "client.key"}),
])
def test_the_adapter_keeps_the_tls_settings_it_is_given(verify, cert, expected):
    request = requests.Request("GET", "https://news.example/").prepare()
    _, pool_kwargs = PinnedAddressAdapter(PinnedPolicy("93.184.216.34")).build_connection_pool_key_attributes(
        request, verify, cert)
    assert pool_kwargs == {**expected, "assert_hostname": "news.example", "server_hostname": "news.example"}


class Recorder:
    """A watchdog's two attributes: the connection a request uses, and the socket it read from."""
    connection = sock = None


def test_a_watched_request_tells_its_watchdog_the_connection_and_socket():
    adapter = PinnedAddressAdapter(AddressPolicy.allowing(["127.0.0.1/32"]), pool_block=True)
    assert adapter.poolmanager.pool_classes_by_scheme == {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}
    assert adapter.poolmanager.connection_pool_kw["block"] is True  # the adapter's own settings kept
    with LocalServer() as server, requests.Session() as session:
        server.routes = {"/ok": lambda h: h.send(200, html("Fine", "Here."))}
        session.mount("http://", adapter)
        watchdog = Recorder()
        PinnedAddressAdapter.watch(watchdog)
        try:
            assert session.get(server.url("/ok"), timeout=5).status_code == 200
        finally:
            PinnedAddressAdapter.watch(None)
        assert isinstance(watchdog.connection, WatchedHTTPConnection)
        assert isinstance(watchdog.sock, socket.socket)
        assert server.log[-1]["headers"]["Host"] == f"127.0.0.1:{server.port}"
        watchdog.connection = watchdog.sock = None
        assert session.get(server.url("/ok"), timeout=5).status_code == 200  # unwatched: nothing noted
        assert watchdog.connection is None and watchdog.sock is None
