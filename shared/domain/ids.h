// Strongly typed integer ids, so a UserId can't be passed where a RequestId is expected.
// 0 means "none"; the database assigns positive ids.
#pragma once
#include <cstdint>
#include <functional>

namespace spoc {

template <class Tag>
struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
    friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
    friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

using UserId = Id<struct UserTag>;
using RequestId = Id<struct RequestTag>;
using CatalogItemId = Id<struct CatalogItemTag>;
using CommentId = Id<struct CommentTag>;
using ArticleId = Id<struct ArticleTag>;

}  // namespace spoc

template <class Tag>
struct std::hash<spoc::Id<Tag>> {
    size_t operator()(spoc::Id<Tag> id) const noexcept { return std::hash<std::int64_t>()(id.value); }
};
