// The PKI of a `kiosk-sim-crm` directory: generated with test_pki.hpp on first start (ca.pem,
// server.pem/.key, client.pem/.key) and reused on later starts, so a kiosk configured from the
// ready file keeps trusting the CRM across restarts. Regenerated when a file is missing or a
// certificate has less than a day left.
#pragma once

#include <filesystem>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk::sim {

// `now` is the real time: OpenSSL judges certificates by it.
Result<TestPkiFiles> ensure_test_pki(const std::filesystem::path& directory, TimePoint now, RandomSource& serials);

}  // namespace kiosk::sim
