#ifndef CALLOCATOR_H
#define CALLOCATOR_H
#include <stddef.h>
/// Has glibc's malloc serve every allocation of `threshold` bytes or more
/// with its own mapping, given back to the system when freed; returns 1
/// when it could be set, 0 otherwise (another C library).
int protosite_map_large_allocations(size_t threshold);
#endif
