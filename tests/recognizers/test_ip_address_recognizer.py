from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Le serveur 192.168.1.10 ne répond plus.", ["192.168.1.10"], id="private ipv4"),
    pytest.param("Passerelle : 10.0.0.1.", ["10.0.0.1"], id="sentence end"),
    pytest.param("Connexion depuis 82.64.117.5:8443", ["82.64.117.5"], id="with a port"),
    pytest.param("Réseau 172.16.0.0/12", ["172.16.0.0/12"], id="cidr"),
    pytest.param("Sous-réseau 192.168.0.0/24, passerelle 192.168.0.1.",
                 ["192.168.0.0/24", "192.168.0.1"], id="cidr then an address"),
    pytest.param("Préfixe 2001:db8::/32 attribué", ["2001:db8::/32"], id="ipv6 cidr"),
    pytest.param("my ip: ::1", ["::1"], id="ipv6 loopback"),
    pytest.param("connecting from ::1", ["::1"], id="ipv6 loopback in prose"),
    pytest.param("Route ::1/128", ["::1/128"], id="ipv6 loopback with its prefix length"),
    pytest.param("ssh admin@10.0.0.5", ["10.0.0.5"], id="after a user name"),
    pytest.param("Réseau 192.168.0.0/33", ["192.168.0.0"], id="impossible prefix length left out"),
    pytest.param("Réseau 2001:db8::/129", ["2001:db8::"], id="impossible ipv6 prefix left out"),
    pytest.param("Chemin 10.0.0.1/24/7", ["10.0.0.1"], id="a path after the address"),
    pytest.param("De 8.8.8.8 à 1.1.1.1", ["8.8.8.8", "1.1.1.1"], id="two addresses"),
    pytest.param("IPv6 : 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                 ["2001:0db8:85a3:0000:0000:8a2e:0370:7334"], id="ipv6 full"),
    pytest.param("Adresse 2001:db8::8a2e:370:7334 attribuée", ["2001:db8::8a2e:370:7334"],
                 id="ipv6 compressed"),
    pytest.param("Lien local fe80::1ff:fe23:4567:890a.", ["fe80::1ff:fe23:4567:890a"],
                 id="link local"),
    pytest.param("Mappée ::ffff:192.0.2.128", ["::ffff:192.0.2.128"], id="ipv4-mapped ipv6"),
]

NOT_FOUND = [
    pytest.param("Mettez à jour vers 10.0.0 ou 1.2.3", id="versions"),
    pytest.param("Version v2.3.1 publiée", id="v-prefixed version"),
    pytest.param("Version 4.2.1.0 publiée", id="four-part version"),
    pytest.param("Référence 1.2.3.4.5", id="five parts"),
    pytest.param("Le 12.03.2024 à Lyon", id="dotted date"),
    pytest.param("Adresse 256.1.1.1", id="part above 255"),
    pytest.param("Adresse 192.168.01.10", id="leading zero"),
    pytest.param("Il est 12:30:45", id="clock time"),
    pytest.param("MAC 00:1A:2B:3C:4D:5E", id="mac address"),
    pytest.param("Python a[1::2] et ::", id="slice and bare double colon"),
    pytest.param("std::vector<int> et Foo::Bar", id="c++ scope"),
    pytest.param("Adresse 2001:db8:::1", id="triple colon"),
    pytest.param("Quelle est votre adresse IP ?", id="the bare words"),
    pytest.param("Python a[::1] et x[::-1]", id="slices that read as the loopback"),
    pytest.param("Le ratio :: /24 en tête", id="bare double colon with a prefix length"),
]
# fmt: on


@pytest.mark.parametrize(("text", "addresses"), FOUND)
def test_valid_ip_address_is_redacted(findings, text, addresses):
    assert findings(text) == [("IP_ADDRESS", a) for a in addresses]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_ip_lookalike_is_not_redacted(findings, text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://192.168.0.1:8080/admin", id="ipv4"),
        pytest.param("http://[2001:db8::1]:8080/", id="ipv6"),
    ],
)
def test_address_as_the_host_of_a_url_is_part_of_the_url(findings, url):
    assert findings(f"Ouvrir {url}") == [("URL", url)]
