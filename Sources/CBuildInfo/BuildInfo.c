#include "BuildInfo.h"

#ifndef RD_BUILD_COMMIT
#define RD_BUILD_COMMIT "unknown"
#endif

const char *rd_build_commit(void) { return RD_BUILD_COMMIT; }
