//! Polygons to triangles, once, at load time.
//!
//! egui fills only convex paths correctly, and countries are neither convex nor
//! hole-free (Mali's outline is concave, South Africa has Lesotho as a hole).
//! Earcut (through geo) turns each polygon into triangles in world space; the
//! map only moves those vertices to the screen each time the view changes.

use geo::{MapCoords, Polygon, TriangulateEarcut};

use super::projection::{LonLat, WorldPoint};
use super::triangle_indices::TriangleIndices;
use super::world_vertices::WorldVertices;

/// Triangles in world space: `indices` holds three vertex indices per triangle.
#[derive(Clone, Debug, Default)]
pub struct WorldMesh {
    pub vertices: WorldVertices,
    pub indices: TriangleIndices,
}

impl WorldMesh {
    #[must_use]
    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }

    /// Sum of the triangles' areas in world units², for checks.
    #[must_use]
    pub fn area(&self) -> f64 {
        self.indices
            .triangles()
            .map(|t| {
                let [a, b, c] = t.map(|i| {
                    self.vertices
                        .get(i as usize)
                        .unwrap_or(WorldPoint { x: 0.0, y: 0.0 })
                });
                ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() / 2.0
            })
            .sum()
    }
}

/// A lon/lat polygon moved into world space, where the map draws it.
#[must_use]
pub fn polygon_to_world(polygon: &Polygon<f64>) -> Polygon<f64> {
    polygon.map_coords(|c| {
        let w = WorldPoint::from_lonlat(LonLat::from_coord(c));
        geo::Coord { x: w.x, y: w.y }
    })
}

/// Triangulates polygons already in world space into one mesh whose vertices
/// are the rings' (each without its closing repeat, one ring after the
/// other, kept within `max_error` world units: see [`WorldVertices`]), and
/// says where each ring ends among them.
#[must_use]
pub fn tessellate_world(polygons: &[Polygon<f64>], max_error: f64) -> (WorldMesh, Vec<usize>) {
    // Sized up front (the rings' vertices without their closing repeats;
    // earcut makes n + 2h - 2 triangles of n vertices around h holes), so
    // that the indices take two bytes where they can and nothing regrows.
    let rings = |p: &Polygon<f64>| std::iter::once(p.exterior()).chain(p.interiors()).count();
    let vertex_count: usize = polygons
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|ring| ring.0.len().saturating_sub(1))
        .sum();
    let corners = 3 * (vertex_count + 2 * polygons.iter().map(rings).sum::<usize>());
    let mut vertices = Vec::with_capacity(vertex_count);
    let mut indices = TriangleIndices::for_vertices(vertex_count, corners);
    let mut ring_ends = Vec::new();
    for polygon in polygons {
        let raw = polygon.earcut_triangles_raw();
        let base = vertices.len();
        let mut end = base;
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            end += ring.0.len().saturating_sub(1);
            ring_ends.push(end);
        }
        vertices.extend(raw.vertices.iter().map(|&[x, y]| WorldPoint { x, y }));
        indices.extend_from(base, &raw.triangle_indices);
        debug_assert_eq!(end, vertices.len(), "earcut drops closing points");
    }
    indices.shrink_to_fit();
    let vertices = WorldVertices::new(&vertices, max_error);
    (WorldMesh { vertices, indices }, ring_ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every polygon of `areas` (lon/lat) triangulated into one world-space mesh.
    fn tessellate(areas: &MultiPolygon<f64>) -> WorldMesh {
        let world: Vec<Polygon<f64>> = areas.iter().map(polygon_to_world).collect();
        tessellate_world(&world, 0.0).0
    }
    use geo::{Area, LineString, MultiPolygon, polygon};

    fn world_area(areas: &MultiPolygon<f64>) -> f64 {
        areas
            .iter()
            .map(|p| polygon_to_world(p).unsigned_area())
            .sum()
    }

    #[test]
    fn concave_polygon_triangles_cover_exactly_its_area() {
        // An L shape: a convex-only fill would paint the missing corner.
        let l_shape = polygon![
            (x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 4.0, y: 1.0),
            (x: 1.0, y: 1.0), (x: 1.0, y: 4.0), (x: 0.0, y: 4.0),
        ];
        let areas = MultiPolygon(vec![l_shape]);
        let mesh = tessellate(&areas);
        assert_eq!(mesh.triangle_count(), 4);
        assert!((mesh.area() - world_area(&areas)).abs() < 1e-12 * world_area(&areas).max(1.0));
    }

    #[test]
    fn holes_are_left_empty() {
        let outer = LineString::from(vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]);
        let hole = LineString::from(vec![
            (3.0, 3.0),
            (3.0, 6.0),
            (6.0, 6.0),
            (6.0, 3.0),
            (3.0, 3.0),
        ]);
        let areas = MultiPolygon(vec![Polygon::new(outer.clone(), vec![hole])]);
        let without_hole = MultiPolygon(vec![Polygon::new(outer, vec![])]);
        let mesh = tessellate(&areas);
        let expected = world_area(&areas);
        assert!(
            expected < world_area(&without_hole) * 0.95,
            "the hole takes area away"
        );
        assert!(
            (mesh.area() - expected).abs() < 1e-9 * expected,
            "{} vs {expected}",
            mesh.area()
        );
    }

    #[test]
    fn empty_input_gives_empty_mesh() {
        assert_eq!(tessellate(&MultiPolygon(vec![])).triangle_count(), 0);
    }
}
