#include "kiosk/cx/complaint_reference.hpp"

#include "kiosk/cx/cx_day.hpp"

namespace kiosk {

std::string draw_complaint_reference(TimePoint now, RandomSource& random) {
    std::string reference = "KB-";
    for (const char c : utc_day(now)) {
        if (c != '-') reference += c;
    }
    reference += '-';
    for (std::size_t i = 0; i < kComplaintReferenceSuffix; ++i) {
        reference += kComplaintReferenceAlphabet[random.below(kComplaintReferenceAlphabet.size())];
    }
    return reference;
}

Result<std::string> unique_complaint_reference(TimePoint now, RandomSource& random, const ReferenceTaken& taken,
                                               int tries) {
    for (int attempt = 0; attempt < tries; ++attempt) {
        std::string reference = draw_complaint_reference(now, random);
        auto used = taken(reference);
        if (!used.ok()) return used.error();
        if (!*used) return reference;
    }
    return make_error("cx", "no free complaint reference after " + std::to_string(tries) + " draws");
}

bool is_complaint_reference(std::string_view text) {
    constexpr std::size_t kLength = 3 + 8 + 1 + kComplaintReferenceSuffix;
    if (text.size() != kLength || !text.starts_with("KB-") || text[11] != '-') return false;
    for (std::size_t i = 3; i < 11; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    for (std::size_t i = 12; i < kLength; ++i) {
        if (kComplaintReferenceAlphabet.find(text[i]) == std::string_view::npos) return false;
    }
    return true;
}

}  // namespace kiosk
