// Running the release's targets side by side (--parallel-targets N):
// internal to the release module.
#pragma once

#include <cstddef>
#include <functional>

namespace xstatic::release {

// Calls job(0) .. job(count - 1), at most `width` at once (1: one after
// another, on this thread). After a job throws, no new job starts; the ones
// running finish, then the exception of the failed job with the lowest
// index is rethrown, so that a failing release names the same target
// whatever the timing.
void for_each_parallel(std::size_t count, int width, const std::function<void(std::size_t)>& job);

}  // namespace xstatic::release
