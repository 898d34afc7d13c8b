// Shared by the crm tests that talk TLS: a scratch directory with a freshly generated PKI, and a
// loopback listener that accepts TCP connections but never says a word (for timeout tests).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "crm/https_client.hpp"
#include "security/openssl_handles.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/crm/test_pki.hpp"
#include "tests/security/legacy_tls_probe.hpp"

namespace kiosk::testing {

class ScratchDirectory {
public:
    ScratchDirectory() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-crm-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// OpenSSL checks certificate validity against the real time, so the PKI is built around it.
inline TimePoint real_now() { return SystemClock().now(); }

inline sim::TestPkiFiles make_pki(const std::filesystem::path& directory, std::uint64_t seed = 1,
                                  sim::Validity server_validity = sim::valid_around(real_now())) {
    SeededRandom serials(seed);
    auto pki = sim::generate_test_pki(directory, {sim::valid_around(real_now()), server_validity, true}, serials);
    if (!pki) throw std::runtime_error(pki.error().to_string());
    return std::move(*pki);
}

inline crm::TlsSettings trust(const sim::TestPkiFiles& pki) {
    crm::TlsSettings tls;
    tls.ca_file = pki.ca.certificate.string();
    return tls;
}

inline sim::SimCrmOptions serve_with(const sim::TestPkiFiles& pki) {
    sim::SimCrmOptions options;
    options.certificate_file = pki.server.certificate;
    options.private_key_file = pki.server.private_key;
    return options;
}

// A server limited to TLS 1.0/1.1. OpenSSL 3 on Debian refuses TLS < 1.2 at security level 1 and
// up (no SHA-1 signatures), so the *server* drops to SECLEVEL 0 to speak it at all.
inline sim::SimCrmOptions serve_legacy_tls_with(const sim::TestPkiFiles& pki) {
    sim::SimCrmOptions options = serve_with(pki);
    options.min_tls_version = TLS1_VERSION;
    options.max_tls_version = TLS1_1_VERSION;
    options.cipher_list = "DEFAULT@SECLEVEL=0";
    return options;
}

// Listens on 127.0.0.1:<OS-chosen port>; the kernel completes TCP handshakes from the backlog,
// but nobody ever reads or answers — a server that hangs.
class SilentListener {
public:
    SilentListener() {
        socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof address;
        if (socket_ < 0 || ::bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(socket_, 8) != 0 || ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot listen on 127.0.0.1");
        }
        port_ = ntohs(address.sin_port);
    }
    ~SilentListener() {
        if (socket_ >= 0) ::close(socket_);
    }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/v1/records"; }

private:
    int socket_ = -1;
    int port_ = 0;
};

}  // namespace kiosk::testing
