//! Disjoint sets (union-find) over `0..n`, shared by the grouping passes:
//! syndicated copies and connected components of stories, people across
//! articles, and copy pairs of articles within a story.

/// Disjoint sets over the elements `0..n`.
///
/// The root of a set is always its smallest element (a union hangs the
/// larger root under the smaller), so roots, and whatever is ordered by
/// them, do not depend on the order in which unions were made.
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` sets of one element each.
    pub(crate) fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    /// The root (smallest element) of `x`'s set; halves the path walked.
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            let grandparent = self.parent[self.parent[x]];
            self.parent[x] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The root of every element, in element order.
    pub(crate) fn roots(&mut self) -> Vec<usize> {
        (0..self.parent.len()).map(|x| self.find(x)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::DisjointSets;

    #[test]
    fn the_root_is_the_smallest_element_whatever_the_order_of_unions() {
        let mut forward = DisjointSets::new(6);
        for (a, b) in [(4, 5), (3, 4), (1, 2)] {
            forward.union(a, b);
        }
        let mut backward = DisjointSets::new(6);
        for (a, b) in [(2, 1), (5, 3), (5, 4)] {
            backward.union(a, b);
        }
        assert_eq!(forward.roots(), vec![0, 1, 1, 3, 3, 3]);
        assert_eq!(backward.roots(), forward.roots());
        assert_eq!(forward.find(5), 3);
    }
}
