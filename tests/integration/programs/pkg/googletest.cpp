// googletest + gmock: tests that must pass, one mock expectation, run by
// RUN_ALL_TESTS; and a failing assertion must really fail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

struct Store {
  virtual ~Store() = default;
  virtual std::string sysroot(const std::string& target) = 0;
};
struct MockStore : Store {
  MOCK_METHOD(std::string, sysroot, (const std::string& target), (override));
};

TEST(Smoke, Arithmetic) { EXPECT_EQ(6 * 7, 42); }
TEST(Smoke, Mock) {
  MockStore store;
  EXPECT_CALL(store, sysroot("linux/arm64")).WillOnce(testing::Return("arm64-musl"));
  EXPECT_EQ(store.sysroot("linux/arm64"), "arm64-musl");
}
TEST(Smoke, DISABLED_MustFail) { EXPECT_EQ(1, 2); }

int main(int argc, char** argv) {
  testing::InitGoogleMock(&argc, argv);
  testing::GTEST_FLAG(also_run_disabled_tests) = false;
  if (RUN_ALL_TESTS() != 0) return 1;
  // The failing test, run on its own, fails: the framework really checks.
  testing::GTEST_FLAG(also_run_disabled_tests) = true;
  testing::GTEST_FLAG(filter) = "Smoke.DISABLED_MustFail";
  testing::GTEST_FLAG(output) = "";
  std::fflush(stdout);
  if (RUN_ALL_TESTS() == 0) return 2;
  std::printf("googletest ok: 2 tests passed, a failing one failed, a mock's expectation met\n");
  return 0;
}
