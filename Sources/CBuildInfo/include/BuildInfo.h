#ifndef RD_BUILD_INFO_H
#define RD_BUILD_INFO_H

/* The git commit the build was made from (Package.swift passes it from SwiftPM's
   Context.gitInformation), "unknown" outside a git checkout; "-dirty" with changes. */
const char *rd_build_commit(void);

#endif
