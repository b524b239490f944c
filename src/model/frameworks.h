// Inspection frameworks and their scales (issue 6).
//
// Each framework Ofsted (and its predecessors) has used to judge a council's children's
// services grades on its own scale and judges its own areas:
//   APA    2007 annual performance assessment: grades 1-4 for overall effectiveness, the
//          five Every Child Matters outcomes and capacity to improve;
//   ACSA   2009-2012 annual children's services assessment: performs excellently (4), well
//          (3), adequately (2) or poorly (1), one overall judgement;
//   SIF    2013-2017 single inspection framework: outstanding / good / requires improvement
//          to be good / inadequate, for overall effectiveness, each judgement and
//          sub-judgement, and the review of the Local Safeguarding Children Board;
//   ILACS  2018 onwards: the same four grades for overall effectiveness and its judgements;
//   MV, FV, JTAI: monitoring visits, focused visits and joint targeted area inspections,
//          which make no graded judgements.
// Which areas and grades a framework allows, with each grade's label in the framework's
// own words and a rank (4 best .. 1 worst) that puts every scale on one axis for a history
// chart, is data: data/inspection_frameworks.csv. Rule JR-GOV-1 holds judgements to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace journey::model {

struct FrameworkEntry {
  std::string framework;  // code in the inspection_framework list
  bool is_grade = false;  // a grade, or else a judgement area
  std::string code;       // in inspection_grade or judgement_area
  int rank = 0;           // grades only: 4 best .. 1 worst
  std::string label;      // the framework's own words
};

class Frameworks {
 public:
  static Result<Frameworks> FromCsv(std::string_view csv_text, std::string_view file_name);
  // data/inspection_frameworks.csv as embedded in the build.
  static const Frameworks& Default();

  const FrameworkEntry* Area(std::string_view framework, std::string_view area) const;
  const FrameworkEntry* Grade(std::string_view framework, std::string_view grade) const;
  // "4, 3, 2, 1" or "" when the framework makes no graded judgements.
  std::string AllowedGrades(std::string_view framework) const;
  std::string AllowedAreas(std::string_view framework) const;
  // The area's place in the framework's list (for ordering judgements); large if absent.
  size_t AreaOrder(std::string_view framework, std::string_view area) const;

 private:
  const FrameworkEntry* Find(std::string_view framework, bool grade, std::string_view code) const;
  std::string Allowed(std::string_view framework, bool grade) const;
  std::vector<FrameworkEntry> entries_;
};

}  // namespace journey::model
