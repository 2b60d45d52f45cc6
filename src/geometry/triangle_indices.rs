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
    /// `indices` into a mesh of `vertex_count` vertices, in two bytes each if
    /// every index fits (and no room to spare).
    #[must_use]
    pub fn compact(mut indices: Vec<u32>, vertex_count: usize) -> Self {
        if vertex_count <= usize::from(u16::MAX) + 1 {
            // Sized exactly: collecting through `Option` would not know the
            // length and leave room to spare.
            let mut short = Vec::with_capacity(indices.len());
            short.extend(indices.iter().map_while(|&i| u16::try_from(i).ok()));
            if short.len() == indices.len() {
                return Self::Short(short);
            }
        }
        indices.shrink_to_fit();
        Self::Long(indices)
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

    #[test]
    fn small_meshes_take_two_bytes_a_corner_and_large_ones_four() {
        let small = TriangleIndices::compact(vec![0, 1, 2, 2, 1, 3], 4);
        assert!(matches!(small, TriangleIndices::Short(_)));
        assert_eq!(small.heap_bytes(), 12);
        assert_eq!(
            small.triangles().collect::<Vec<_>>(),
            [[0, 1, 2], [2, 1, 3]]
        );
        let large = TriangleIndices::compact(vec![0, 70_000, 65_536], 70_001);
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
    fn the_largest_short_index_is_kept_exactly() {
        let edge = TriangleIndices::compact(vec![65_535, 0, 1], 65_536);
        assert!(matches!(edge, TriangleIndices::Short(_)));
        assert_eq!(edge.triangles().next(), Some([65_535, 0, 1]));
    }
}
