#include "CAllocator.h"
#include <stddef.h>
#include <jemalloc/jemalloc.h>

uint64_t protosite_bytes_allocated_by_this_thread(void) {
    uint64_t allocated = 0;
    size_t length = sizeof allocated;
    if (mallctl("thread.allocated", &allocated, &length, NULL, 0) != 0) return 0;
    return allocated;
}
