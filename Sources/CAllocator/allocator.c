#include "CAllocator.h"
#include <stdlib.h> /* defines __GLIBC__ where the C library is glibc */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int protosite_map_large_allocations(size_t threshold) {
#if defined(__GLIBC__)
    /* Setting the threshold also turns off glibc's raising of it each time
       a mapped block is freed: raised, large buffers come from the heap,
       where freeing them rarely lowers the resident size. */
    return mallopt(M_MMAP_THRESHOLD, (int)threshold);
#else
    (void)threshold;
    return 0;
#endif
}
