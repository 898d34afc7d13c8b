// Compile-time check that a payload variant lists one type per kind, in the kind enum's order, so
// kind_of() is the variant's index and a kind can never name the wrong payload.
#pragma once

#include <cstddef>
#include <utility>
#include <variant>

namespace kiosk::flow::detail {

template <class Variant, class Kind, std::size_t... Index>
constexpr bool kinds_in_order(std::index_sequence<Index...>) {
    return ((std::variant_alternative_t<Index, Variant>::kind == static_cast<Kind>(Index)) && ...);
}

// Every alternative's `kind` equals its index, and there is one alternative per kind up to `last`.
template <class Variant, class Kind, Kind last>
constexpr bool one_payload_per_kind() {
    return std::variant_size_v<Variant> == static_cast<std::size_t>(last) + 1 &&
           kinds_in_order<Variant, Kind>(std::make_index_sequence<std::variant_size_v<Variant>>{});
}

}  // namespace kiosk::flow::detail
