"""Which addresses a fetch may connect to, and the adapter that connects to the very address it checked.

Every name is resolved before connecting; every address it resolves to must be public (or inside a
network the user allowed), so that a cited URL can never make us reach into a private network."""
import ipaddress
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from requests import PreparedRequest
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ..errors import AddressRefused, NameNotResolved
from ..urls import DEFAULT_PORTS

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class AddressPolicy:
    """Which addresses may be connected to: public unicast only, plus the allowed networks."""

    allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def allowing(cls, cidrs: Iterable[str] = ()) -> Self:
        return cls(tuple(ipaddress.ip_network(c, strict=False) for c in cidrs))

    def permits(self, ip: IPAddress) -> bool:
        if ip.version == 6 and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip.version == net.version and ip in net for net in self.allowed):
            return True
        return ip.is_global and not (
            ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback or ip.is_link_local or ip.is_private
        )

    def resolve(self, host: str, port: int) -> IPAddress:
        """The address to connect to; every address the name resolves to must be permitted."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            raise NameNotResolved(f"{host} does not resolve: {e}")
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        refused = [a for a in addresses if not self.permits(a)]
        if refused:
            raise AddressRefused(f"{host} resolves to {refused[0]}, which is not a public address")
        return addresses[0]


class PinnedAddressAdapter(HTTPAdapter):
    """Resolves and checks the host at connection time, then connects to that very address.

    The pinning technique is the one requests-hardened uses; the policy (CIDR allowances,
    every resolved address checked) is ours.
    """

    def __init__(self, policy: AddressPolicy, **kwargs: Any) -> None:
        self.policy = policy
        super().__init__(**kwargs)

    def build_connection_pool_key_attributes(self, request: PreparedRequest, verify: bool | str,
                                             cert: str | tuple[str, str] | None = None
                                             ) -> tuple[dict[str, Any], dict[str, Any]]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        host, scheme = host_params["host"], host_params["scheme"]
        port = host_params["port"] or DEFAULT_PORTS[scheme]
        ip = self.policy.resolve(host, port)
        # The server hears the name, never the address: in Host (with the port only when it is not
        # the scheme's own, as browsers send it) and, over https, in SNI and the certificate check
        header = f"[{host}]" if ":" in host else host
        request.headers["Host"] = header if port == DEFAULT_PORTS[scheme] else f"{header}:{port}"
        if scheme == "https":
            pool_kwargs["assert_hostname"] = host
            pool_kwargs["server_hostname"] = host
        host_params["host"], host_params["port"] = str(ip), port
        return host_params, pool_kwargs

    # -- the watchdog's hold on a request's connection ------------------------------------------
    _watched = threading.local()

    @classmethod
    def watch(cls, watchdog: object) -> None:
        """Name the watchdog of the requests this thread makes next (None: stop)."""
        cls._watched.watchdog = watchdog

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


# For the type checker a Watched is the connection it is mixed into.
if TYPE_CHECKING:
    _Connection = HTTPConnection
else:
    _Connection = object


class Watched(_Connection):
    """A connection that tells its thread's watchdog which socket to shut at the deadline."""

    def request(self, *args: Any, **kwargs: Any) -> None:
        watchdog = getattr(PinnedAddressAdapter._watched, "watchdog", None)
        if watchdog is not None:
            watchdog.connection = self
        sent = super().request(*args, **kwargs)
        if watchdog is not None:
            # http.client lets go of the socket once a closing response's headers are read; keep it
            watchdog.sock = self.sock
        return sent


class WatchedHTTPConnection(Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(Watched, HTTPSConnection):
    pass


class WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection
