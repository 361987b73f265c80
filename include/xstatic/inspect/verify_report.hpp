// verify_file's policy check on a report already made (inspect and verify
// share one read of the file; unit tests build reports by hand).
#pragma once

#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify.hpp"

namespace xstatic::inspect {

Verdict verify_report(const Report& report, const Policy& policy);

}  // namespace xstatic::inspect
