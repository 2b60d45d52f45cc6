//! A shape's vertices in world space at half the memory: each block of
//! [`BLOCK`] consecutive vertices keeps one `f64` origin, and each vertex its
//! offset from it as two `f32`s (8 bytes rather than 16).
//!
//! The levels of detail of the world's admin-1 regions hold two million
//! vertices for the whole session; as `f64` pairs they took 32 MB. Offsets
//! within a block are small, so `f32` keeps them to a fraction of a pixel at
//! the deepest zoom; a block where any vertex would move by more than the
//! error allowed (a block spanning a long straight border) keeps its
//! vertices exactly instead. Either way the error is checked per vertex when
//! the block is made, not assumed.

use std::ops::Range;

use super::projection::WorldPoint;

/// Vertices per block: one origin (and one flag) per 64 vertices costs
/// under half a byte a vertex.
pub const BLOCK: usize = 64;

/// No exact copy: the block's vertices are its origin plus their offsets.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Block {
    origin: WorldPoint,
    /// Where the block's exact vertices start in `exact`, or [`NONE`].
    exact: u32,
}

/// Vertices in world space, stored as offsets from their block's origin.
#[derive(Clone, Debug, Default)]
pub struct WorldVertices {
    blocks: Vec<Block>,
    offsets: Vec<[f32; 2]>,
    /// The vertices of the blocks whose offsets would lose too much.
    exact: Vec<WorldPoint>,
}

impl WorldVertices {
    /// `points` stored so that none moves by more than `max_error` (world
    /// units) in x or y.
    #[must_use]
    pub fn new(points: &[WorldPoint], max_error: f64) -> Self {
        let mut vertices = Self {
            blocks: Vec::with_capacity(points.len().div_ceil(BLOCK)),
            offsets: Vec::with_capacity(points.len()),
            exact: Vec::new(),
        };
        for block in points.chunks(BLOCK) {
            let (min, max) = bounds(block);
            let origin = WorldPoint {
                x: f64::midpoint(min.x, max.x),
                y: f64::midpoint(min.y, max.y),
            };
            let start = vertices.offsets.len();
            vertices
                .offsets
                .extend(block.iter().map(|p| offset(origin, *p)));
            let loses_too_much = block.iter().zip(&vertices.offsets[start..]).any(|(p, &o)| {
                let back = restored(origin, o);
                (back.x - p.x).abs() > max_error || (back.y - p.y).abs() > max_error
            });
            let exact = if loses_too_much {
                let at = u32::try_from(vertices.exact.len()).unwrap_or(NONE);
                vertices.exact.extend_from_slice(block);
                at
            } else {
                NONE
            };
            vertices.blocks.push(Block { origin, exact });
        }
        vertices.exact.shrink_to_fit();
        vertices
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }

    /// Vertex `i`, as stored (within the error given to [`WorldVertices::new`]).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<WorldPoint> {
        let block = self.blocks.get(i / BLOCK)?;
        if block.exact == NONE {
            self.offsets.get(i).map(|&o| restored(block.origin, o))
        } else {
            self.exact.get(block.exact as usize + i % BLOCK).copied()
        }
    }

    /// The vertices in `range` (clamped to those there are), in order.
    #[must_use]
    pub fn range(
        &self,
        range: Range<usize>,
    ) -> impl ExactSizeIterator<Item = WorldPoint> + Clone + '_ {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        (start..end).map(move |i| self.get(i).unwrap_or(WorldPoint { x: 0.0, y: 0.0 }))
    }

    /// Every vertex, in order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = WorldPoint> + Clone + '_ {
        self.range(0..self.len())
    }

    /// Blocks kept exactly: for tests.
    #[cfg(test)]
    #[must_use]
    fn exact_blocks(&self) -> usize {
        self.exact.len().div_ceil(BLOCK)
    }

    /// Bytes held.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.blocks.capacity() * size_of::<Block>()
            + self.offsets.capacity() * size_of::<[f32; 2]>()
            + self.exact.capacity() * size_of::<WorldPoint>()
    }
}

fn bounds(points: &[WorldPoint]) -> (WorldPoint, WorldPoint) {
    points.iter().fold(
        (
            WorldPoint {
                x: f64::MAX,
                y: f64::MAX,
            },
            WorldPoint {
                x: f64::MIN,
                y: f64::MIN,
            },
        ),
        |(lo, hi), p| {
            (
                WorldPoint {
                    x: lo.x.min(p.x),
                    y: lo.y.min(p.y),
                },
                WorldPoint {
                    x: hi.x.max(p.x),
                    y: hi.y.max(p.y),
                },
            )
        },
    )
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "the point of the offsets; the loss is checked by the caller"
)]
fn offset(origin: WorldPoint, p: WorldPoint) -> [f32; 2] {
    [(p.x - origin.x) as f32, (p.y - origin.y) as f32]
}

fn restored(origin: WorldPoint, [dx, dy]: [f32; 2]) -> WorldPoint {
    WorldPoint {
        x: origin.x + f64::from(dx),
        y: origin.y + f64::from(dy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(n: usize, step: f64) -> Vec<WorldPoint> {
        #[allow(clippy::cast_precision_loss)]
        (0..n)
            .map(|i| WorldPoint {
                x: 0.3 + step * (i as f64).sin() * i as f64,
                y: 0.6 - step * i as f64,
            })
            .collect()
    }

    #[test]
    fn every_vertex_comes_back_within_the_error_in_order() {
        let source = points(1_000, 1e-6);
        let max_error = 1e-10;
        let stored = WorldVertices::new(&source, max_error);
        assert_eq!(stored.len(), 1_000);
        assert_eq!(stored.exact_blocks(), 0, "small offsets fit f32");
        for (i, (p, q)) in source.iter().zip(stored.iter()).enumerate() {
            assert!((p.x - q.x).abs() <= max_error && (p.y - q.y).abs() <= max_error);
            assert_eq!(stored.get(i), Some(q));
        }
        assert_eq!(stored.get(1_000), None);
        let middle: Vec<_> = stored.range(63..66).collect();
        assert_eq!(middle, stored.iter().skip(63).take(3).collect::<Vec<_>>());
        assert_eq!(stored.range(990..2_000).len(), 10, "clamped");
        assert!(
            stored.heap_bytes() < 1_000 * 9,
            "{} bytes",
            stored.heap_bytes()
        );
    }

    #[test]
    fn a_block_that_would_lose_too_much_is_kept_exactly() {
        // A straight border: two vertices a fifth of the world apart, among
        // close ones.
        let mut source = points(200, 1e-7);
        source[70] = WorldPoint { x: 0.5, y: 0.2 };
        let stored = WorldVertices::new(&source, 1e-12);
        assert_eq!(stored.exact_blocks(), 1, "only the second block");
        assert_eq!(stored.get(70), Some(source[70]));
        assert!(stored.range(64..128).eq(source[64..128].iter().copied()));
        let loose = WorldVertices::new(&source, 1e-8);
        assert_eq!(loose.exact_blocks(), 0);
    }

    #[test]
    fn nothing_in_nothing_out() {
        let stored = WorldVertices::new(&[], 0.0);
        assert!(stored.is_empty());
        assert_eq!(stored.iter().count(), 0);
        assert_eq!(stored.get(0), None);
    }
}
