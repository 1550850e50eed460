"""A loopback stand-in for the services paconn talks to, so tests can run the real client offline.

It answers the Power Apps calls of `paconn create` / `paconn update` over plain HTTP (paconn's
``powerAppsUrl`` points at it) and records every request. Icon and script uploads go through the
legacy Azure storage client, which only speaks HTTPS to ``<account>.blob.<suffix>``: the stub also
acts as the HTTPS proxy for that host (``HTTPS_PROXY``), ending TLS itself with a certificate from a
throwaway CA that the client trusts through ``REQUESTS_CA_BUNDLE``.
"""

from __future__ import annotations

import datetime
import json
import re
import ssl
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

STORAGE_HOST = "pacgenstub.blob.core.windows.net"
STORAGE_CONTAINER = "connector-files"
RP = "/providers/Microsoft.PowerApps"


@dataclass
class Received:
    """One request as the stub saw it; ``host`` is the tunnelled host for blob uploads."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    host: str = ""

    def json(self):
        return json.loads(self.body)


@dataclass
class StubState:
    connector_id: str
    validation_error: dict | None
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class PowerAppsStub:
    """Start with ``with PowerAppsStub(tmp) as stub``; read ``stub.received`` afterwards.

    ``validation_error`` (``{"code", "message"}``) makes validateApiSwagger answer 400 with it.
    """

    def __init__(self, workdir: Path, connector_id: str = "shared_pacgen-stub-0001",
                 validation_error: dict | None = None):
        self.state = StubState(connector_id, validation_error)
        self.ca_file = workdir / "stub-ca.pem"
        self._tls = _tls_context(workdir, self.ca_file)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.stub_state = self.state
        self._server.tls_context = self._tls
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def received(self) -> list[Received]:
        with self.state.lock:
            return list(self.state.received)

    def __enter__(self) -> PowerAppsStub:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    tunnel_host = ""

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_CONNECT(self):
        # Become the far end of the tunnel: TLS with our own certificate, then plain requests inside.
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        self.tunnel_host = self.path.partition(":")[0]
        tls = self.server.tls_context.wrap_socket(self.connection, server_side=True)
        self.connection = tls
        self.rfile = tls.makefile("rb")
        self.wfile = tls.makefile("wb")
        self.close_connection = False

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def do_PATCH(self):
        self._serve()

    def do_PUT(self):
        self._serve()

    def _serve(self):
        request = self._record()
        if request.host:
            self._answer_blob(request)
            return
        state: StubState = self.server.stub_state
        key = (request.method, _route(request.path))
        if key == ("POST", "validate") and state.validation_error:
            self._reply(400, {"error": state.validation_error})
        elif key == ("POST", "validate"):
            self._reply(200, {})
        elif key == ("POST", "storage"):
            signature = f"https://{STORAGE_HOST}/{STORAGE_CONTAINER}?sv=2018-03-28&sr=c&sig=stub"
            self._reply(200, {"sharedAccessSignature": signature})
        elif key == ("POST", "apis"):
            self._reply(201, {"name": state.connector_id, "id": f"{RP}/apis/{state.connector_id}"})
        elif key == ("PATCH", f"apis/{state.connector_id}"):
            self._reply(200, {"name": state.connector_id, "id": f"{RP}/apis/{state.connector_id}"})
        else:
            message = f"the stub does not serve {request.method} {request.path}"
            self._reply(404, {"error": {"code": "NotServedByStub", "message": message}})

    def _record(self) -> Received:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        request = Received(self.command, parts.path, parse_qs(parts.query), dict(self.headers.items()),
                           body, self.tunnel_host)
        state: StubState = self.server.stub_state
        with state.lock:
            state.received.append(request)
        return request

    def _answer_blob(self, request: Received):
        if request.method != "PUT" or request.host != STORAGE_HOST:
            self._reply(404, {"error": {"code": "NotServedByStub", "message": request.path}})
            return
        self._reply(201, None, {"ETag": '"0x8D0STUB"', "Last-Modified": formatdate(usegmt=True),
                                "x-ms-request-server-encrypted": "true"})

    def _reply(self, status: int, payload, headers: dict | None = None):
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if payload is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()


_ROUTES = [
    (re.compile(rf"^{RP}/objectIds/[^/]+/validateApiSwagger$"), "validate"),
    (re.compile(rf"^{RP}/objectIds/[^/]+/generateResourceStorage$"), "storage"),
    (re.compile(rf"^{RP}/apis$"), "apis"),
]


def _route(path: str) -> str:
    for pattern, name in _ROUTES:
        if pattern.match(path):
            return name
    if path.startswith(f"{RP}/apis/"):
        return "apis/" + path[len(f"{RP}/apis/"):]
    return path


def _tls_context(workdir: Path, ca_file: Path) -> ssl.SSLContext:
    """A CA (written to ``ca_file`` for the client) and a server certificate for STORAGE_HOST."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pacgen test CA")])
    ca_cert = (
        _certificate_base(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, STORAGE_HOST)])
    leaf_cert = (
        _certificate_base(leaf_name, ca_name, leaf_key.public_key(), now)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(STORAGE_HOST)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    ca_file.write_bytes(ca_cert.public_bytes(pem))
    leaf_file = workdir / "stub-server.pem"
    leaf_file.write_bytes(
        leaf_cert.public_bytes(pem)
        + leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(leaf_file)
    return context


def _certificate_base(subject, issuer, public_key, now):
    from cryptography import x509

    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
    )
