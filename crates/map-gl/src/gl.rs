//! OpenGL objects: the two programs, and per tier a vertex array for the
//! fills and one for the outline segments (instanced quads).

use egui_glow::glow::{self, HasContext as _};
use egui_glow::{ShaderVersion, glow::Context};

use crate::scene::POINT_BYTES;
use crate::{Batch, View, shaders};

struct Program {
    handle: glow::Program,
    scale: Option<glow::UniformLocation>,
    offset: Option<glow::UniformLocation>,
    ppp: Option<glow::UniformLocation>,
    viewport: Option<glow::UniformLocation>,
    rules: Option<glow::UniformLocation>,
}

struct Tier {
    chunks: Vec<crate::scene::Chunk>,
    fills: glow::VertexArray,
    /// The points, and the fills' triangle indices.
    buffers: [glow::Buffer; 2],
    lines: glow::VertexArray,
    /// The buffers' sizes in bytes, which no part may write past.
    sizes: [i32; 2],
}

/// A scene on the GPU, tier by tier, with the programs that draw it.
pub(crate) struct Uploaded {
    fill: Program,
    line: Program,
    tiers: Vec<Option<Tier>>,
    /// Tiers whose parts are arriving: drawn once finished, until then the
    /// tier before them is kept.
    building: Vec<Option<Tier>>,
}

fn supports_instancing(context: &Context) -> bool {
    let version = context.version();
    if version.is_embedded {
        version.major >= 3
    } else {
        (version.major, version.minor) >= (3, 3)
    }
}

/// Compiles and links one program, binding `attributes` to locations 0, 1…
fn program(
    context: &Context,
    version: ShaderVersion,
    vertex: &str,
    fragment: &str,
    attributes: &[&str],
) -> Result<Program, String> {
    let declaration = version.version_declaration();
    // SAFETY: plain object creation and queries on the current context
    // (`egui_glow` makes it current before calling paint callbacks); every
    // handle used was created here.
    unsafe {
        let program = context.create_program()?;
        let mut shaders = Vec::new();
        for (kind, body) in [
            (glow::VERTEX_SHADER, vertex),
            (glow::FRAGMENT_SHADER, fragment),
        ] {
            let shader = context.create_shader(kind)?;
            context.shader_source(shader, &shaders::source(declaration, body));
            context.compile_shader(shader);
            if !context.get_shader_compile_status(shader) {
                let log = context.get_shader_info_log(shader);
                context.delete_shader(shader);
                context.delete_program(program);
                return Err(format!("map shader does not compile: {log}"));
            }
            context.attach_shader(program, shader);
            shaders.push(shader);
        }
        for (location, name) in (0u32..).zip(attributes) {
            context.bind_attrib_location(program, location, name);
        }
        context.link_program(program);
        for shader in shaders {
            context.detach_shader(program, shader);
            context.delete_shader(shader);
        }
        if !context.get_program_link_status(program) {
            let log = context.get_program_info_log(program);
            context.delete_program(program);
            return Err(format!("map shaders do not link: {log}"));
        }
        let uniform = |name: &str| context.get_uniform_location(program, name);
        Ok(Program {
            handle: program,
            scale: uniform("u_scale"),
            offset: uniform("u_offset"),
            ppp: uniform("u_ppp"),
            viewport: uniform("u_viewport_px"),
            rules: uniform("u_rules"),
        })
    }
}

impl Uploaded {
    /// Compiles the programs; no tier is on the GPU yet.
    pub(crate) fn new(context: &Context) -> Result<Self, String> {
        let version = ShaderVersion::get(context);
        if !version.is_new_shader_interface() || !supports_instancing(context) {
            return Err(format!(
                "OpenGL {:?} lacks instanced drawing or GLSL 1.40",
                context.version()
            ));
        }
        let fill = program(
            context,
            version,
            shaders::FILL_VERTEX,
            shaders::FILL_FRAGMENT,
            &["a_world", "a_colour"],
        )?;
        let line = program(
            context,
            version,
            shaders::LINE_VERTEX,
            shaders::LINE_FRAGMENT,
            &["a_a", "a_b", "a_colour", "a_style"],
        )?;
        Ok(Self {
            fill,
            line,
            tiers: Vec::new(),
            building: Vec::new(),
        })
    }

    /// Makes room on the GPU for a new version of tier `tier`, of `points`
    /// points and `indices` fill indices, whose parts follow (a version of
    /// that tier still arriving is dropped).
    pub(crate) fn begin_tier(
        &mut self,
        context: &Context,
        tier: usize,
        points: usize,
        indices: usize,
    ) -> Result<(), String> {
        let allocated = allocate_tier(context, points, indices)?;
        if let Some(old) = slot(&mut self.building, tier).replace(allocated) {
            delete_tier(context, &old);
        }
        Ok(())
    }

    /// Writes `part` into the tier begun last for `tier` (nothing if none is).
    pub(crate) fn add_part(
        &mut self,
        context: &Context,
        tier: usize,
        part: &Batch,
    ) -> Result<(), String> {
        let Some(building) = self.building.get_mut(tier).and_then(Option::as_mut) else {
            return Ok(());
        };
        write_part(context, building, part)?;
        building.chunks.extend_from_slice(&part.chunks);
        Ok(())
    }

    /// The tier begun last for `tier` is complete: it replaces what that
    /// tier drew.
    pub(crate) fn finish_tier(&mut self, context: &Context, tier: usize) {
        let Some(finished) = self.building.get_mut(tier).and_then(Option::take) else {
            return;
        };
        if let Some(old) = slot(&mut self.tiers, tier).replace(finished) {
            delete_tier(context, &old);
        }
    }

    /// Draws one tier: fills, then outlines over them, of the chunks in view.
    pub(crate) fn draw(&self, context: &Context, view: &View, ppp: f32, viewport_px: [f32; 2]) {
        let Some(tier) = self.tiers.get(view.tier).and_then(Option::as_ref) else {
            return;
        };
        let runs = visible_runs(&tier.chunks, view);
        // SAFETY: the programs, vertex arrays and buffers were created on
        // this context; every run lies inside what was uploaded (chunks
        // come from the same batch); a run of n points draws n - 1
        // instances, so the last reads its own last point as the next one's
        // start, never past the buffer. egui_glow restores its own state
        // (program, vertex array, blending) after the callback.
        unsafe {
            for (program, is_fill) in [(&self.fill, true), (&self.line, false)] {
                context.use_program(Some(program.handle));
                context.uniform_1_f32(program.scale.as_ref(), view.scale);
                context.uniform_2_f32(program.offset.as_ref(), view.offset[0], view.offset[1]);
                context.uniform_1_f32(program.ppp.as_ref(), ppp);
                context.uniform_2_f32(program.viewport.as_ref(), viewport_px[0], viewport_px[1]);
                let rules = view.rules;
                context.uniform_4_f32(
                    program.rules.as_ref(),
                    rules.min_outlined_px,
                    rules.hairline_below_px,
                    rules.hairline_px,
                    rules.min_ring_px,
                );
                if is_fill {
                    context.bind_vertex_array(Some(tier.fills));
                    for &[_, _, first_index, indices] in &runs {
                        if indices > 0 {
                            context.draw_elements(
                                glow::TRIANGLES,
                                i32::try_from(indices).unwrap_or(i32::MAX),
                                glow::UNSIGNED_INT,
                                i32::try_from(first_index as usize * 4).unwrap_or(i32::MAX),
                            );
                        }
                    }
                } else {
                    context.bind_vertex_array(Some(tier.lines));
                    context.bind_buffer(glow::ARRAY_BUFFER, Some(tier.buffers[0]));
                    for &[first_point, points, ..] in &runs {
                        if points >= 2 {
                            point_attributes(context, first_point);
                            context.draw_arrays_instanced(
                                glow::TRIANGLE_STRIP,
                                0,
                                4,
                                i32::try_from(points - 1).unwrap_or(i32::MAX),
                            );
                        }
                    }
                    context.bind_buffer(glow::ARRAY_BUFFER, None);
                }
            }
            context.bind_vertex_array(None);
        }
    }
}

/// Points the line program's attributes at the points from `first` on:
/// instance `i` reads point `first + i` as its start and the next as its end.
/// (Base instances need OpenGL 4.2; moving the pointers works everywhere.)
///
/// # Safety
/// The line vertex array and the points buffer must be bound.
unsafe fn point_attributes(context: &Context, first: u32) {
    let stride: i32 = POINT_BYTES.try_into().unwrap_or(i32::MAX);
    let base = i32::try_from(first as usize * POINT_BYTES).unwrap_or(i32::MAX);
    for (location, size, kind, normalized, offset) in [
        (0, 2, glow::FLOAT, false, 0),
        (1, 2, glow::FLOAT, false, stride),
        (2, 4, glow::UNSIGNED_BYTE, true, 12),
        (3, 4, glow::UNSIGNED_BYTE, false, 16),
    ] {
        // SAFETY: the caller bound the vertex array and the buffer; the
        // offsets stay inside the buffer (uploads are checked by `count`).
        unsafe {
            context.vertex_attrib_pointer_f32(
                location,
                size,
                kind,
                normalized,
                stride,
                base.saturating_add(offset),
            );
        }
    }
}

/// The runs of chunks that meet the view, merged where they follow each
/// other in the buffers: (first point, points, first index, indices).
fn visible_runs(chunks: &[crate::scene::Chunk], view: &View) -> Vec<[u32; 4]> {
    let mut runs: Vec<[u32; 4]> = Vec::new();
    for c in chunks {
        let meets = c.max[0] >= view.visible_min[0]
            && c.min[0] <= view.visible_max[0]
            && c.max[1] >= view.visible_min[1]
            && c.min[1] <= view.visible_max[1];
        if !meets {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run[0] + run[1] == c.first_point && run[2] + run[3] == c.first_index => {
                run[1] += c.point_count;
                run[3] += c.index_count;
            }
            _ => runs.push([c.first_point, c.point_count, c.first_index, c.index_count]),
        }
    }
    runs
}

fn delete_tier(context: &Context, tier: &Tier) {
    // SAFETY: these objects were created on this context by `upload_tier`
    // and are not used after this.
    unsafe {
        context.delete_vertex_array(tier.fills);
        context.delete_vertex_array(tier.lines);
        for buffer in tier.buffers {
            context.delete_buffer(buffer);
        }
    }
}

fn count(n: usize) -> Result<i32, String> {
    i32::try_from(n).map_err(|_| format!("{n} elements are more than OpenGL can draw at once"))
}

/// Slot `tier` of `tiers`, added if missing.
fn slot(tiers: &mut Vec<Option<Tier>>, tier: usize) -> &mut Option<Tier> {
    if tiers.len() <= tier {
        tiers.resize_with(tier + 1, || None);
    }
    &mut tiers[tier]
}

/// The buffers of a tier of `points` points and `indices` fill indices,
/// allocated but not filled, with the vertex arrays that read them.
fn allocate_tier(context: &Context, points: usize, indices: usize) -> Result<Tier, String> {
    // Byte offsets into both buffers must fit the i32s OpenGL takes.
    let index_bytes = count(indices.saturating_mul(4))?;
    let point_bytes = count(points.saturating_mul(POINT_BYTES))?;
    let stride: i32 = POINT_BYTES.try_into().unwrap_or(i32::MAX);
    // SAFETY: objects are created and sized on the current context; the
    // attribute layouts match the byte layout `Batch::push_point` writes
    // (POINT_BYTES a point) and the attribute locations bound in `program`;
    // instance `i` reads point `i` and `i + 1`, and there are one fewer
    // instances than points.
    unsafe {
        let points = context.create_buffer()?;
        context.bind_buffer(glow::ARRAY_BUFFER, Some(points));
        context.buffer_data_size(glow::ARRAY_BUFFER, point_bytes, glow::STATIC_DRAW);

        let fills = context.create_vertex_array()?;
        context.bind_vertex_array(Some(fills));
        context.enable_vertex_attrib_array(0);
        context.vertex_attrib_pointer_f32(0, 2, glow::FLOAT, false, stride, 0);
        context.enable_vertex_attrib_array(1);
        context.vertex_attrib_pointer_f32(1, 4, glow::UNSIGNED_BYTE, true, stride, 8);
        let index_buffer = context.create_buffer()?;
        context.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(index_buffer));
        context.buffer_data_size(glow::ELEMENT_ARRAY_BUFFER, index_bytes, glow::STATIC_DRAW);
        context.bind_vertex_array(None);

        let lines = context.create_vertex_array()?;
        context.bind_vertex_array(Some(lines));
        for location in 0..4 {
            context.enable_vertex_attrib_array(location);
            context.vertex_attrib_divisor(location, 1);
        }
        point_attributes(context, 0);
        context.bind_vertex_array(None);
        context.bind_buffer(glow::ARRAY_BUFFER, None);
        Ok(Tier {
            chunks: Vec::new(),
            fills,
            buffers: [points, index_buffer],
            lines,
            sizes: [point_bytes, index_bytes],
        })
    }
}

/// Copies `part`'s points and indices into `tier`'s buffers, where the
/// parts before it ended.
fn write_part(context: &Context, tier: &Tier, part: &Batch) -> Result<(), String> {
    let point_offset = count(part.first_point as usize * POINT_BYTES)?;
    let index_offset = count(part.first_index as usize * 4)?;
    let index_bytes: &[u8] = bytemuck::cast_slice(&part.indices);
    for (offset, bytes, size) in [
        (point_offset, part.points.as_slice(), tier.sizes[0]),
        (index_offset, index_bytes, tier.sizes[1]),
    ] {
        if count(bytes.len())?
            .checked_add(offset)
            .is_none_or(|end| end > size)
        {
            return Err(format!(
                "a part of the map's scene overruns its tier ({} bytes at {offset} of {size})",
                bytes.len()
            ));
        }
    }
    // SAFETY: the buffers were created on this context by `allocate_tier`
    // with the sizes checked above; the copy-write target is bound only here
    // (OpenGL 3.1 / ES 3.0, below what `Uploaded::new` requires).
    unsafe {
        for (buffer, offset, bytes) in [
            (tier.buffers[0], point_offset, part.points.as_slice()),
            (tier.buffers[1], index_offset, index_bytes),
        ] {
            if bytes.is_empty() {
                continue;
            }
            context.bind_buffer(glow::COPY_WRITE_BUFFER, Some(buffer));
            context.buffer_sub_data_u8_slice(glow::COPY_WRITE_BUFFER, offset, bytes);
        }
        context.bind_buffer(glow::COPY_WRITE_BUFFER, None);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OutlineRules;
    use crate::scene::Chunk;

    fn chunk(n: u32, min: f32, max: f32) -> Chunk {
        Chunk {
            min: [min; 2],
            max: [max; 2],
            first_point: n * 10,
            point_count: 10,
            first_index: n * 6,
            index_count: 6,
        }
    }

    fn view(min: f32, max: f32) -> View {
        View {
            tier: 1,
            visible_min: [min; 2],
            visible_max: [max; 2],
            scale: 1000.0,
            offset: [0.0; 2],
            rules: OutlineRules {
                min_outlined_px: 10.0,
                hairline_below_px: 80.0,
                hairline_px: 0.8,
                min_ring_px: 3.0,
            },
        }
    }

    #[test]
    fn chunks_out_of_view_are_culled_and_neighbours_merged() {
        let chunks = [chunk(0, 0.0, 0.1), chunk(1, 0.1, 0.2), chunk(2, 0.9, 1.0)];
        assert_eq!(
            visible_runs(&chunks, &view(0.0, 0.25)),
            vec![[0, 20, 0, 12]]
        );
        assert_eq!(
            visible_runs(&chunks, &view(0.05, 0.95)),
            vec![[0, 30, 0, 18]],
            "all three meet the view and follow each other"
        );
        assert_eq!(
            visible_runs(&chunks, &view(0.95, 0.99)),
            vec![[20, 10, 12, 6]]
        );
        let apart = [chunk(0, 0.0, 0.1), chunk(1, 0.5, 0.6), chunk(2, 0.0, 0.1)];
        assert_eq!(
            visible_runs(&apart, &view(0.0, 0.2)),
            vec![[0, 10, 0, 6], [20, 10, 12, 6]]
        );
        assert!(visible_runs(&chunks, &view(0.3, 0.4)).is_empty());
    }
}
