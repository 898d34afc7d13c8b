// A data key after rotation: it opens the records sealed under it until they are uploaded, and
// nothing else. It has no seal() and does not convert back to a DataKey, so "a retired key never
// encrypts" (PCI DSS 3.7.5) is a property of the type, not of a check someone might forget.
#pragma once

#include <string>

#include "security/aead.hpp"

namespace kiosk::security {

class RetiredKey {
public:
    explicit RetiredKey(DataKey key) : key_(std::move(key)) {}

    [[nodiscard]] const std::string& id() const { return key_.id; }
    [[nodiscard]] Result<SecureBytes> open(const SealedRecord& record) const { return security::open(key_, record); }

private:
    DataKey key_;
};

}  // namespace kiosk::security
