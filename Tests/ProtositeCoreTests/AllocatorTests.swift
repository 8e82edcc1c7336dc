import CAllocator
import Foundation
import Testing

@Suite("The allocator")
struct AllocatorTests {
    /// Linking jemalloc is not enough: if the C library's malloc came
    /// first, jemalloc would sit in the binary unused. Memory from plain
    /// malloc must show in jemalloc's own count of this thread's bytes.
    @Test func mallocIsJemallocs() {
        let before = protosite_bytes_allocated_by_this_thread()
        let block = malloc(1 << 20)
        defer { free(block) }
        let after = protosite_bytes_allocated_by_this_thread()
        #expect(block != nil)
        #expect(after >= before + (1 << 20))
    }

    /// The build's own setting, not jemalloc's default of ten seconds
    /// (MALLOC_CONF, when set to measure something, overrides it).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MALLOC_CONF"] == nil))
    func freedPagesGoBackAfterASecond() {
        #expect(protosite_dirty_decay_milliseconds() == 1000)
    }
}
