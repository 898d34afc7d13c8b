// The ready file `kiosk-sim-crm serve --ready-file FILE` writes once it accepts connections:
// where it listens and what a client needs to talk to it (the PKI files and the server's pin).
// Whoever started the process waits for this file instead of guessing a port or a delay; it is
// written whole (temporary file, then rename) so a reader never sees half of it, and removed
// when the process stops cleanly.
//   {"url":"https://127.0.0.1:40123/v1/records","profiles_url":"https://127.0.0.1:40123/v1/profiles",
//    "control_url":"https://127.0.0.1:40123/v1/sim","port":40123,"pid":4242,
//    "ca_file":"DIR/ca.pem","client_cert_file":"DIR/client.pem","client_key_file":"DIR/client.key",
//    "server_pin":"sha256//…","database":"DIR/crm.db",
//    "record_public_key":"sim-crm-record:<base64 of 32 bytes>"}
#pragma once

#include <filesystem>
#include <string>

#include "common/result.hpp"

namespace kiosk::sim {

struct SimCrmReadyFile {
    std::string url;           // the records endpoint
    std::string profiles_url;  // GET <profiles_url>/<pan_token>
    std::string control_url;   // empty unless started with --control
    int port = 0;
    long pid = 0;
    std::filesystem::path ca_file;
    std::filesystem::path client_cert_file;
    std::filesystem::path client_key_file;
    std::string server_pin;  // "sha256//<base64>", for the kiosk's pinned_keys
    std::filesystem::path database;
    std::string record_public_key;  // "<key id>:<base64>": the kiosk's crm.record_public_keys

    friend bool operator==(const SimCrmReadyFile&, const SimCrmReadyFile&) = default;
};

Status write_ready_file(const std::filesystem::path& file, const SimCrmReadyFile& ready);
// Strict: a missing or mistyped field is an Error of domain "sim-crm" naming it.
Result<SimCrmReadyFile> read_ready_file(const std::filesystem::path& file);

}  // namespace kiosk::sim
