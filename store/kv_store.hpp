// Small persistent text values that must survive a crash, such as the in-flight transaction
// bracket ("authorized, not yet dispensed" → reverse on restart). Not for record contents.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"

namespace kiosk::store {

class Database;

class KvStore {
public:
    explicit KvStore(Database& database) : database_(database) {}

    // nullopt if the key was never put or has been erased.
    Result<std::optional<std::string>> get(const std::string& key);
    // Inserts or replaces.
    Status put(const std::string& key, const std::string& value);
    // Erasing an absent key is not an error (a restart may repeat a cleanup).
    Status erase(const std::string& key);

private:
    Database& database_;
};

}  // namespace kiosk::store
