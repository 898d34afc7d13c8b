// Parsing and formatting the key ring file (see key_ring.hpp).
#include "security/key_ring.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <openssl/evp.h>

namespace kiosk::security {

namespace {

constexpr std::string_view kChecksumPrefix = "sha256 ";
constexpr std::size_t kMaxWordLength = 200;

std::string sha256_hex(std::string_view text) {
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) return {};
    return to_hex(ByteView(digest.data(), length));
}

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    while (!line.empty()) {
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string_view::npos) break;
        line.remove_prefix(start);
        const std::size_t end = std::min(line.find_first_of(" \t\r"), line.size());
        words.push_back(line.substr(0, end));
        line.remove_prefix(end);
    }
    return words;
}

bool parse_count(std::string_view text, std::uint64_t& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

RingKey* KeyRing::current_key() {
    const auto found = std::find_if(keys.begin(), keys.end(), [](const RingKey& key) { return key.current; });
    return found == keys.end() ? nullptr : &*found;
}

const RingKey* KeyRing::find(std::string_view id) const {
    const auto found = std::find_if(keys.begin(), keys.end(), [id](const RingKey& key) { return key.id == id; });
    return found == keys.end() ? nullptr : &*found;
}

bool valid_ring_word(std::string_view word) {
    return !word.empty() && word.size() <= kMaxWordLength &&
           std::none_of(word.begin(), word.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

Result<KeyRing> parse_key_ring(std::string_view text, const std::string& source) {
    const auto fail = [&source](const std::string& why) { return make_error("keystore", source + ": " + why); };

    // The checksum line is the last line; it covers every byte before it.
    std::string_view body = text;
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    const std::size_t last_line = body.rfind('\n');
    const std::string_view checksum_line = last_line == std::string_view::npos ? body : body.substr(last_line + 1);
    if (checksum_line.substr(0, kChecksumPrefix.size()) != kChecksumPrefix) {
        return fail("corrupted: the last line is not `sha256 <hex>` (file cut short?)");
    }
    const std::string_view covered = text.substr(0, last_line == std::string_view::npos ? 0 : last_line + 1);
    if (checksum_line.substr(kChecksumPrefix.size()) != sha256_hex(covered)) {
        return fail("corrupted: checksum mismatch (the file was changed or damaged)");
    }

    KeyRing ring;
    bool saw_version = false;
    bool saw_kek = false;
    std::size_t line_number = 0;
    std::string_view rest = covered;
    while (!rest.empty()) {
        ++line_number;
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const std::vector<std::string_view> words = split_words(line);
        if (words.empty() || words[0].front() == '#') continue;
        const std::string where = "line " + std::to_string(line_number) + ": ";
        const std::string_view item = words[0];

        if (item == "version") {
            if (words.size() != 2 || words[1] != "1") return fail(where + "unsupported version (expected `version 1`)");
            saw_version = true;
        } else if (item == "kek") {
            if (saw_kek) return fail(where + "a second `kek` line");
            saw_kek = true;
            if (words.size() == 2 && words[1] == "file") {
                ring.kek.backend = KekBackend::file;
            } else if (words.size() == 6 && words[1] == "pkcs11") {
                ring.kek.backend = KekBackend::pkcs11;
                ring.kek.pkcs11 = Pkcs11KekConfig{std::string(words[2]), std::string(words[3]), std::string(words[4])};
                ring.kek.pin_file = std::string(words[5]);
            } else {
                return fail(where + "expected `kek file` or `kek pkcs11 <module> <token> <key label> <pin file>`");
            }
        } else if (item == "rotations") {
            if (words.size() != 2 || !parse_count(words[1], ring.rotations)) {
                return fail(where + "expected `rotations <count>`");
            }
        } else if (item == "key") {
            if (words.size() != 5) return fail(where + "expected `key <id> current|retired <reserved> <wrapped hex>`");
            RingKey key;
            key.id = std::string(words[1]);
            if (!valid_ring_word(key.id)) return fail(where + "bad key id");
            if (words[2] != "current" && words[2] != "retired") return fail(where + "key state must be current or retired");
            key.current = words[2] == "current";
            if (!parse_count(words[3], key.reserved)) return fail(where + "reserved count is not a number");
            auto wrapped = from_hex(words[4]);
            if (!wrapped) return fail(where + "wrapped key of '" + key.id + "' is not hex");
            key.wrapped = std::move(*wrapped);
            if (ring.find(key.id) != nullptr) return fail(where + "key '" + key.id + "' appears twice");
            if (key.current && ring.current_key() != nullptr) return fail(where + "a second current key");
            ring.keys.push_back(std::move(key));
        } else {
            return fail(where + "unknown item '" + std::string(item.substr(0, 32)) + "'");
        }
    }
    if (!saw_version) return fail("no `version` line");
    if (!saw_kek) return fail("no `kek` line");
    if (ring.current_key() == nullptr) return fail("no current key");
    return ring;
}

std::string format_key_ring(const KeyRing& ring) {
    std::string text =
        "# kiosk key ring: data keys wrapped (RFC 3394) under the KEK. Mode 0600. Written by the kiosk and\n"
        "# `kioskctl keys rotate` only; any edit breaks the sha256 line and the kiosk refuses the file.\n"
        "version 1\n";
    if (ring.kek.backend == KekBackend::file) {
        text += "kek file\n";
    } else {
        text += "kek pkcs11 " + ring.kek.pkcs11.module.string() + " " + ring.kek.pkcs11.token_label + " " +
                ring.kek.pkcs11.key_label + " " + ring.kek.pin_file.string() + "\n";
    }
    text += "rotations " + std::to_string(ring.rotations) + "\n";
    for (const RingKey& key : ring.keys) {
        text += "key " + key.id + (key.current ? " current " : " retired ") + std::to_string(key.reserved) + " " +
                to_hex(key.wrapped) + "\n";
    }
    text += std::string(kChecksumPrefix) + sha256_hex(text) + "\n";
    return text;
}

}  // namespace kiosk::security
