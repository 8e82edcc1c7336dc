#ifndef CALLOCATOR_H
#define CALLOCATOR_H
#include <stdint.h>
/// Bytes the calling thread has had from jemalloc so far (its
/// `thread.allocated` statistic), or 0 when jemalloc cannot say. It is
/// how a test shows that malloc itself is jemalloc's, and the reference
/// that makes the linker take jemalloc's archive into a static binary.
uint64_t protosite_bytes_allocated_by_this_thread(void);
/// How long jemalloc keeps freed pages before giving them back
/// (`opt.dirty_decay_ms`), -2 when it cannot say: the setting in
/// allocator.c must reach it.
int64_t protosite_dirty_decay_milliseconds(void);
#endif
