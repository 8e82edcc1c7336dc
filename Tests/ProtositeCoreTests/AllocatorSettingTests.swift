import CAllocator
import Testing

@Suite("How malloc serves large buffers")
struct AllocatorSettingTests {
    /// The setting the command line makes at start: it must reach glibc's
    /// malloc (it once compiled to nothing, its C library test wrong).
    @Test func largeBuffersAreMappedUnderGlibc() {
        #if os(Linux)
        #expect(protosite_map_large_allocations(256 << 10) == 1)
        #endif
    }
}
