#include "model/describe.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace journey::model {
namespace {

TEST(Describe, DocsRecordMdMatchesTheKinds) {
  std::ifstream in(std::string(JOURNEY_SOURCE_DIR) + "/docs/record.md");
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_TRUE(ss.str() == KindsMarkdown())
      << "docs/record.md is stale: run `build/journey schema --markdown > docs/record.md`";
}

}  // namespace
}  // namespace journey::model
