/// One regression tree: a flat array of nodes, node 0 the root.
public struct Tree: Sendable {
    /// A split or a leaf.
    public struct Node: Sendable {
        /// Split feature (-1 for a leaf).
        public var feature: Int
        /// Rows with value < threshold go left.
        public var threshold: Double
        /// Missing values go left when true.
        public var defaultLeft: Bool
        /// Child indices.
        public var left: Int, right: Int
        /// Leaf value (already scaled by the learning rate).
        public var value: Double
        /// Hessian sum of the training rows reaching the node (XGBoost's cover).
        public var cover: Double
        /// Loss reduction of the split.
        public var gain: Double
        /// Whether the node is a leaf.
        public var isLeaf: Bool { feature < 0 }
    }

    /// The nodes.
    public var nodes: [Node]

    /// The leaf value for one row (features by index).
    @inline(__always) public func predict(_ row: (Int) -> Double) -> Double {
        var i = 0
        while !nodes[i].isLeaf {
            let n = nodes[i]
            let x = row(n.feature)
            i = x.isNaN ? (n.defaultLeft ? n.left : n.right) : (x < n.threshold ? n.left : n.right)
        }
        return nodes[i].value
    }
}
