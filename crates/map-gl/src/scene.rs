//! What is uploaded: per level-of-detail tier, one stream of points (world
//! position and style) and the fills' triangles over them. The outlines are
//! the segments between consecutive points, drawn as instances that read
//! point `i` and point `i + 1` from the same buffer: no vertex is stored
//! twice for fill and outline.

/// Bytes of one point: world x, y (f32), fill colour and line colour
/// (premultiplied RGBA), then four bytes of style: the line's width in
/// sixteenths of a point, the feature's and the ring's extent (see
/// [`extent_code`]), and whether a segment starts here.
pub const POINT_BYTES: usize = 20;

/// An extent code that never hides an outline (lines are always drawn).
pub const ALWAYS: u8 = 255;

/// When an outline is drawn, and how: the same rules as the CPU path's, in
/// logical pixels, applied on the GPU to each segment at the current zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutlineRules {
    /// Areas smaller than this on screen are filled but not outlined.
    pub min_outlined_px: f32,
    /// Areas smaller than this on screen get a hairline.
    pub hairline_below_px: f32,
    /// A hairline's width.
    pub hairline_px: f32,
    /// Rings smaller than this on screen are not outlined.
    pub min_ring_px: f32,
}

/// How a point's fill and outline look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointStyle {
    pub fill: [u8; 4],
    pub line: [u8; 4],
    /// Line width in sixteenths of a logical pixel.
    pub width_16ths: u8,
    pub feature_extent: u8,
    pub ring_extent: u8,
}

/// A line width (logical pixels) as stored: sixteenths, up to 15.9 px.
#[must_use]
#[allow(clippy::cast_sign_loss, reason = "clamped to 0..=254 first")]
pub fn width_16ths(width: f32) -> u8 {
    (width * 16.0).round().clamp(0.0, 254.0) as u8
}

/// An extent (world units, the world being 1 wide) in one byte: a power of
/// two in eighths, from 2⁻³⁰ (a few centimetres) up; the shader decodes it
/// as `2^(code / 8 - 30)`. Steps of 9% are far finer than the rules need
/// (they compare with 3, 10 and 80 pixels).
#[must_use]
#[allow(clippy::cast_sign_loss, reason = "clamped to 0..=254 first")]
pub fn extent_code(extent: f64) -> u8 {
    if extent.is_nan() || extent <= 0.0 {
        return 0;
    }
    ((extent.log2() + 30.0) * 8.0).round().clamp(0.0, 254.0) as u8
}

/// A run of points and of fill indices that lie together on the map
/// (features of one outline layer in one cell of a grid), with the world
/// box around them: drawn only when the box meets the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Chunk {
    pub(crate) min: [f32; 2],
    pub(crate) max: [f32; 2],
    pub(crate) first_point: u32,
    pub(crate) point_count: u32,
    pub(crate) first_index: u32,
    pub(crate) index_count: u32,
}

/// A tier's points and fill triangles, in chunks: the whole tier, or one
/// part of it that follows the parts before (its points, indices and
/// chunks numbered from where they ended), so that a tier can reach the GPU
/// a few megabytes at a time.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub(crate) points: Vec<u8>,
    pub(crate) indices: Vec<u32>,
    pub(crate) chunks: Vec<Chunk>,
    /// The tier's points and indices in the parts before this one.
    pub(crate) first_point: u32,
    pub(crate) first_index: u32,
    /// Where the chunk being filled began (points, indices).
    open: Option<(u32, u32)>,
}

impl Batch {
    /// An empty batch with room for `points` points and `indices` fill
    /// indices: a batch sized up front never copies itself while growing,
    /// which for the world's regions would briefly hold it twice.
    #[must_use]
    pub fn with_capacity(points: usize, indices: usize) -> Self {
        Self {
            points: Vec::with_capacity(points.saturating_mul(POINT_BYTES)),
            indices: Vec::with_capacity(indices),
            ..Self::default()
        }
    }

    /// The next part of the tier `previous` is a part of (empty, with room
    /// for `points` points and `indices` indices): its points and indices
    /// are numbered on from `previous`'s.
    #[must_use]
    pub fn following(previous: &Self, points: usize, indices: usize) -> Self {
        Self {
            first_point: previous.point_count(),
            first_index: previous.index_total(),
            ..Self::with_capacity(points, indices)
        }
    }

    /// Starts a chunk: the points and indices pushed until
    /// [`Batch::end_chunk`] are drawn or culled together.
    pub fn begin_chunk(&mut self) {
        self.open = Some((self.point_count(), self.index_total()));
    }

    /// Ends the chunk begun last, whose points lie in the world box
    /// `min`–`max`. Every point must have been pushed since
    /// [`Batch::begin_chunk`]: points outside any chunk are never drawn.
    pub fn end_chunk(&mut self, min: [f32; 2], max: [f32; 2]) {
        let Some((first_point, first_index)) = self.open.take() else {
            return;
        };
        let chunk = Chunk {
            min,
            max,
            first_point,
            point_count: self.point_count() - first_point,
            first_index,
            index_count: self.index_total() - first_index,
        };
        if chunk.point_count > 0 {
            self.chunks.push(chunk);
        }
    }

    /// The tier's fill indices so far, in this part and the parts before.
    fn index_total(&self) -> u32 {
        let here = u32::try_from(self.indices.len()).unwrap_or(u32::MAX);
        self.first_index.saturating_add(here)
    }

    /// The tier's points so far, in this part and the parts before: the
    /// index of the next one.
    #[must_use]
    pub fn point_count(&self) -> u32 {
        let here = u32::try_from(self.points.len() / POINT_BYTES).unwrap_or(u32::MAX);
        self.first_point.saturating_add(here)
    }

    /// A point at `world` (the unit square). If `starts_segment`, an outline
    /// segment joins it to the next point, in this point's style.
    pub fn push_point(&mut self, world: [f32; 2], style: &PointStyle, starts_segment: bool) {
        self.points.extend_from_slice(&world[0].to_ne_bytes());
        self.points.extend_from_slice(&world[1].to_ne_bytes());
        self.points.extend_from_slice(&style.fill);
        self.points.extend_from_slice(&style.line);
        self.points.extend_from_slice(&[
            style.width_16ths,
            style.feature_extent,
            style.ring_extent,
            u8::from(starts_segment),
        ]);
    }

    /// Fill triangles over points pushed before.
    pub fn push_indices(&mut self, indices: impl IntoIterator<Item = u32>) {
        self.indices.extend(indices);
    }

    /// Fill indices in this batch (this part only).
    #[must_use]
    pub fn index_count(&self) -> usize {
        self.indices.len()
    }

    /// Segments drawn (or hidden by the rules) between consecutive points.
    #[must_use]
    pub fn segment_count(&self) -> usize {
        self.points
            .chunks_exact(POINT_BYTES)
            .filter(|p| p[POINT_BYTES - 1] == 1)
            .count()
    }

    #[must_use]
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// Bytes this batch holds (and the GPU will, but for the chunks).
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.points.len() + self.indices.len() * 4 + self.chunks.len() * size_of::<Chunk>()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn points_have_the_layout_the_shaders_read() {
        let style = PointStyle {
            fill: [1, 2, 3, 4],
            line: [9, 9, 9, 255],
            width_16ths: width_16ths(1.5),
            feature_extent: extent_code(0.1),
            ring_extent: ALWAYS,
        };
        let mut batch = Batch::default();
        batch.begin_chunk();
        batch.push_point([0.5, 0.25], &style, true);
        batch.push_point([0.5, 0.5], &style, false);
        batch.push_indices([0, 1, 1]);
        batch.end_chunk([0.5, 0.25], [0.5, 0.5]);
        batch.begin_chunk();
        batch.end_chunk([0.0, 0.0], [1.0, 1.0]);
        assert_eq!(batch.chunk_count(), 1, "empty chunks are dropped");
        assert_eq!(
            batch.chunks[0],
            Chunk {
                min: [0.5, 0.25],
                max: [0.5, 0.5],
                first_point: 0,
                point_count: 2,
                first_index: 0,
                index_count: 3
            }
        );
        assert_eq!(batch.point_count(), 2);
        assert_eq!(batch.points.len(), 2 * POINT_BYTES);
        assert_eq!(batch.segment_count(), 1);
        assert_eq!(batch.index_count(), 3);
        assert_eq!(batch.bytes(), 40 + 12 + size_of::<Chunk>());
        assert_eq!(&batch.points[0..4], &0.5f32.to_ne_bytes());
        assert_eq!(&batch.points[8..12], &[1, 2, 3, 4]);
        assert_eq!(&batch.points[12..16], &[9, 9, 9, 255]);
        assert_eq!(&batch.points[16..20], &[24, style.feature_extent, 255, 1]);
    }

    /// A plain style for tests.
    pub(crate) const PLAIN: PointStyle = PointStyle {
        fill: [0; 4],
        line: [0; 4],
        width_16ths: 16,
        feature_extent: ALWAYS,
        ring_extent: ALWAYS,
    };

    #[test]
    fn a_following_part_numbers_on() {
        let style = PLAIN;
        let mut first = Batch::with_capacity(2, 3);
        first.begin_chunk();
        first.push_point([0.0, 0.0], &style, true);
        first.push_point([0.1, 0.0], &style, false);
        first.push_indices([0, 1, 1]);
        first.end_chunk([0.0; 2], [0.1, 0.0]);
        let mut second = Batch::following(&first, 3, 3);
        assert_eq!(
            second.point_count(),
            2,
            "the next point is the tier's third"
        );
        second.begin_chunk();
        for x in [0.5, 0.6, 0.7] {
            second.push_point([x, 0.5], &style, true);
        }
        second.push_indices([2, 3, 4]);
        second.end_chunk([0.5; 2], [0.7, 0.5]);
        assert_eq!(
            second.chunks,
            vec![Chunk {
                min: [0.5; 2],
                max: [0.7, 0.5],
                first_point: 2,
                point_count: 3,
                first_index: 3,
                index_count: 3
            }]
        );
        assert_eq!((second.point_count(), second.index_total()), (5, 6));
        assert_eq!(
            second.points.len(),
            3 * POINT_BYTES,
            "holds its own points only"
        );
        assert_eq!(second.index_count(), 3);
    }

    #[test]
    fn extents_decode_within_five_percent() {
        for extent in [1e-8, 3.3e-5, 0.01, 0.5, 1.0] {
            let code = extent_code(extent);
            let decoded = 2f64.powf(f64::from(code) / 8.0 - 30.0);
            assert!(
                (decoded / extent - 1.0).abs() < 0.05,
                "{extent} → {decoded}"
            );
        }
        assert_eq!(extent_code(0.0), 0);
        assert_eq!(extent_code(f64::NAN), 0);
        assert!(extent_code(1e9) < ALWAYS);
    }
}
