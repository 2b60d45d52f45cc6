//! A mesh's triangle corners, as compact as its size allows.
//!
//! Levels of detail are kept for the whole session, one mesh per area and
//! level: nearly every area has fewer than 65,536 vertices at every level, so
//! two bytes per corner do, halving what the triangles cost. The few larger
//! meshes (Antarctica, Nunavut at full detail) keep four.

/// Three vertex indices per triangle.
#[derive(Clone, Debug)]
pub enum TriangleIndices {
    Short(Vec<u16>),
    Long(Vec<u32>),
}

impl Default for TriangleIndices {
    fn default() -> Self {
        Self::Short(Vec::new())
    }
}

impl TriangleIndices {
    /// Empty, two bytes a corner if a mesh of `vertex_count` vertices allows,
    /// with room for `capacity` corners.
    #[must_use]
    pub fn for_vertices(vertex_count: usize, capacity: usize) -> Self {
        if vertex_count <= usize::from(u16::MAX) + 1 {
            Self::Short(Vec::with_capacity(capacity))
        } else {
            Self::Long(Vec::with_capacity(capacity))
        }
    }

    /// Appends each of `indices` plus `base`. An index that two bytes cannot
    /// hold (a mesh larger than announced) widens them all rather than
    /// being cut.
    pub fn extend_from(&mut self, base: usize, indices: &[usize]) {
        if let Self::Short(short) = self {
            let fits = indices
                .iter()
                .all(|&i| u16::try_from(base.saturating_add(i)).is_ok());
            if fits {
                short.extend(indices.iter().filter_map(|&i| u16::try_from(base + i).ok()));
                return;
            }
            *self = Self::Long(short.iter().map(|&i| u32::from(i)).collect());
        }
        if let Self::Long(long) = self {
            long.extend(
                indices
                    .iter()
                    .map(|&i| u32::try_from(base.saturating_add(i)).unwrap_or(u32::MAX)),
            );
        }
    }

    /// Gives back room to spare.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Self::Short(v) => v.shrink_to_fit(),
            Self::Long(v) => v.shrink_to_fit(),
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Short(v) => v.len(),
            Self::Long(v) => v.len(),
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The corners of each triangle.
    pub fn triangles(&self) -> impl Iterator<Item = [u32; 3]> + '_ {
        let (short, long) = match self {
            Self::Short(v) => (v.as_slice(), &[][..]),
            Self::Long(v) => (&[][..], v.as_slice()),
        };
        short
            .chunks_exact(3)
            .map(|t| [t[0], t[1], t[2]].map(u32::from))
            .chain(long.chunks_exact(3).map(|t| [t[0], t[1], t[2]]))
    }

    /// Appends every index plus `base` to `out` (egui's meshes take u32).
    pub fn extend_offset(&self, out: &mut Vec<u32>, base: u32) {
        match self {
            Self::Short(v) => out.extend(v.iter().map(|&i| base.saturating_add(u32::from(i)))),
            Self::Long(v) => out.extend(v.iter().map(|&i| base.saturating_add(i))),
        }
    }

    /// Bytes held.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        match self {
            Self::Short(v) => v.capacity() * 2,
            Self::Long(v) => v.capacity() * 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(vertex_count: usize, parts: &[(usize, &[usize])]) -> TriangleIndices {
        let mut out = TriangleIndices::for_vertices(vertex_count, 0);
        for &(base, part) in parts {
            out.extend_from(base, part);
        }
        out.shrink_to_fit();
        out
    }

    #[test]
    fn small_meshes_take_two_bytes_a_corner_and_large_ones_four() {
        let small = indices(4, &[(0, &[0, 1, 2]), (1, &[1, 0, 2])]);
        assert!(matches!(small, TriangleIndices::Short(_)));
        assert_eq!(small.heap_bytes(), 12);
        assert_eq!(
            small.triangles().collect::<Vec<_>>(),
            [[0, 1, 2], [2, 1, 3]]
        );
        let large = indices(70_001, &[(0, &[0, 70_000, 65_536])]);
        assert!(matches!(large, TriangleIndices::Long(_)));
        assert_eq!(large.triangles().collect::<Vec<_>>(), [[0, 70_000, 65_536]]);
        let mut out = vec![9];
        small.extend_offset(&mut out, 10);
        large.extend_offset(&mut out, 1);
        assert_eq!(out, [9, 10, 11, 12, 12, 11, 13, 1, 70_001, 65_537]);
        assert_eq!((small.len(), large.len()), (6, 3));
        assert!(TriangleIndices::default().is_empty());
    }

    #[test]
    fn an_index_too_large_for_two_bytes_widens_them_all() {
        let edge = indices(65_536, &[(0, &[65_535, 0, 1])]);
        assert!(matches!(edge, TriangleIndices::Short(_)));
        assert_eq!(edge.triangles().next(), Some([65_535, 0, 1]));
        // Announced small, but not: nothing is cut.
        let grown = indices(10, &[(0, &[0, 1, 2]), (65_535, &[0, 1, 2])]);
        assert!(matches!(grown, TriangleIndices::Long(_)));
        assert_eq!(
            grown.triangles().collect::<Vec<_>>(),
            [[0, 1, 2], [65_535, 65_536, 65_537]]
        );
    }
}
