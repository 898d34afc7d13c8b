// Shared by the tests of the simulated CRM as a service: records whose "ciphertext" is their
// payload JSON, an opener that reads it back (the real one, crm/record_opener, opens the seal),
// and a GET of a profile over cpp-httplib with or without the client certificate.
#pragma once

#include <httplib.h>

#include <string>

#include "common/bytes.hpp"
#include "security/sealed_record.hpp"
#include "sim/crm/sim_crm_server.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk::testing {

inline security::SealedRecord payload_record(const std::string& id, const std::string& kind, const std::string& payload) {
    security::SealedRecord sealed;
    sealed.header = {id, kind, "K1", "dk-1", 2, 1'767'603'600'000};
    sealed.iv = Bytes(12, 5);
    sealed.ciphertext = to_bytes(payload);
    sealed.tag = Bytes(16, 6);
    return sealed;
}

// Opens a payload_record; a ciphertext starting "unopenable" fails as a wrong key would.
inline sim::RecordOpener plain_opener() {
    return [](const crm::UploadBatch&, const security::SealedRecord& record) -> Result<std::string> {
        std::string payload = to_string(record.ciphertext);
        if (payload.rfind("unopenable", 0) == 0) return make_error("crm", "no data key dk-1 for this kiosk");
        return payload;
    };
}

struct ProfileAnswer {
    bool answered = false;  // false: the connection or TLS failed (error says how)
    int status = 0;
    std::string body;
    std::string error;
};

inline ProfileAnswer get_profile(int port, const sim::TestPkiFiles& pki, const std::string& token,
                                 bool with_client_certificate = true) {
    std::unique_ptr<httplib::SSLClient> client =
        with_client_certificate ? std::make_unique<httplib::SSLClient>("127.0.0.1", port, pki.client.certificate.string(),
                                                                       pki.client.private_key.string())
                                : std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    client->set_ca_cert_path(pki.ca.certificate.string());
    client->enable_server_certificate_verification(true);
    client->set_connection_timeout(2, 0);
    client->set_read_timeout(2, 0);
    const auto result = client->Get(std::string(sim::SimCrmServer::profiles_path) + "/" + token);
    ProfileAnswer answer;
    if (!result) {
        answer.error = httplib::to_string(result.error());
        return answer;
    }
    answer.answered = true;
    answer.status = result->status;
    answer.body = result->body;
    return answer;
}

}  // namespace kiosk::testing
