import Foundation

/// Slots filled from concurrent work (`DispatchQueue.concurrentPerform`),
/// each by one iteration, read once all are done. The lock makes the writes
/// safe; order is kept by index, so results do not depend on scheduling.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    /// The filled slots, in index order.
    public var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
