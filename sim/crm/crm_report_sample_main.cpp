// kiosk-crm-report-sample: writes the CRM report of a synthetic week (two kiosks, a few hundred
// records; sim/crm/synthetic_crm_records.hpp) to an HTML file, to look at the report without a
// running CRM. `kiosk-crm-report-sample build/crm-report.html [seed]`.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "sim/crm/crm_report.hpp"
#include "sim/crm/synthetic_crm_records.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: kiosk-crm-report-sample OUT.html [SEED]\n";
        return 64;
    }
    const std::uint64_t seed = argc == 3 ? std::strtoull(argv[2], nullptr, 10) : 3;
    constexpr std::int64_t kFirstDay = 1'767'571'200'000;  // 2026-01-05T00:00Z
    const kiosk::sim::SyntheticCrmSet set = kiosk::sim::make_synthetic_crm_records(seed, kFirstDay);
    kiosk::sim::ReportOptions options;
    options.complaint_statuses = set.complaint_statuses;
    options.generated_unix_ms = kFirstDay + 7 * 86'400'000LL + 9 * 3'600'000LL;
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << kiosk::sim::render_crm_report(set.records, options);
    out.close();
    if (!out) {
        std::cerr << "kiosk-crm-report-sample: cannot write " << argv[1] << '\n';
        return 1;
    }
    std::cout << "wrote " << argv[1] << " (" << set.records.size() << " records)\n";
    return 0;
}
