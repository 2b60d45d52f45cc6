//! OpenGL objects: the two programs, and per tier a vertex array for the
//! fills and one for the outline segments (instanced quads).

use egui_glow::glow::{self, HasContext as _};
use egui_glow::{ShaderVersion, glow::Context};

use crate::scene::POINT_BYTES;
use crate::{Scene, View, shaders};

struct Program {
    handle: glow::Program,
    scale: Option<glow::UniformLocation>,
    offset: Option<glow::UniformLocation>,
    ppp: Option<glow::UniformLocation>,
    viewport: Option<glow::UniformLocation>,
    rules: Option<glow::UniformLocation>,
}

struct Tier {
    fills: glow::VertexArray,
    /// The points, and the fills' triangle indices.
    buffers: [glow::Buffer; 2],
    index_count: i32,
    lines: glow::VertexArray,
    segment_count: i32,
}

/// A scene on the GPU, with the programs that draw it.
pub(crate) struct Uploaded {
    fill: Program,
    line: Program,
    tiers: Vec<Tier>,
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
    /// Uploads `scene`, reusing `previous`'s programs (and deleting its
    /// buffers).
    pub(crate) fn new(
        context: &Context,
        scene: &Scene,
        previous: Option<Self>,
    ) -> Result<Self, String> {
        let (fill, line) = if let Some(previous) = previous {
            previous.delete_tiers(context);
            (previous.fill, previous.line)
        } else {
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
            (fill, line)
        };
        let mut tiers = Vec::with_capacity(scene.tiers.len());
        for batch in &scene.tiers {
            tiers.push(upload_tier(context, batch)?);
        }
        Ok(Self { fill, line, tiers })
    }

    fn delete_tiers(&self, context: &Context) {
        // SAFETY: these objects were created on this context by
        // `upload_tier` and are not used after this.
        unsafe {
            for tier in &self.tiers {
                context.delete_vertex_array(tier.fills);
                context.delete_vertex_array(tier.lines);
                for buffer in tier.buffers {
                    context.delete_buffer(buffer);
                }
            }
        }
    }

    /// Draws one tier: fills, then outlines over them.
    pub(crate) fn draw(&self, context: &Context, view: &View, ppp: f32, viewport_px: [f32; 2]) {
        let Some(tier) = self.tiers.get(view.tier) else {
            return;
        };
        // SAFETY: the programs and vertex arrays were created on this
        // context; counts are those uploaded; `egui_glow` restores its own
        // state (program, vertex array, blending) after the callback.
        unsafe {
            for (program, vertex_array, is_fill) in [
                (&self.fill, tier.fills, true),
                (&self.line, tier.lines, false),
            ] {
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
                context.bind_vertex_array(Some(vertex_array));
                if is_fill && tier.index_count > 0 {
                    context.draw_elements(glow::TRIANGLES, tier.index_count, glow::UNSIGNED_INT, 0);
                } else if !is_fill && tier.segment_count > 0 {
                    context.draw_arrays_instanced(glow::TRIANGLE_STRIP, 0, 4, tier.segment_count);
                }
            }
            context.bind_vertex_array(None);
        }
    }
}

fn count(n: usize) -> Result<i32, String> {
    i32::try_from(n).map_err(|_| format!("{n} elements are more than OpenGL can draw at once"))
}

fn upload_tier(context: &Context, batch: &crate::Batch) -> Result<Tier, String> {
    let index_count = count(batch.indices.len())?;
    // Every point but the last starts an instance (it may hide itself).
    let segment_count = count(batch.point_count().saturating_sub(1) as usize)?;
    let index_bytes: Vec<u8> = batch.indices.iter().flat_map(|i| i.to_ne_bytes()).collect();
    let stride: i32 = POINT_BYTES.try_into().unwrap_or(i32::MAX);
    // SAFETY: objects are created and filled on the current context; the
    // attribute layouts match the byte layout `Batch::push_point` writes
    // (POINT_BYTES a point) and the attribute locations bound in `program`;
    // instance `i` reads point `i` and `i + 1`, and there are one fewer
    // instances than points.
    unsafe {
        let points = context.create_buffer()?;
        context.bind_buffer(glow::ARRAY_BUFFER, Some(points));
        context.buffer_data_u8_slice(glow::ARRAY_BUFFER, &batch.points, glow::STATIC_DRAW);

        let fills = context.create_vertex_array()?;
        context.bind_vertex_array(Some(fills));
        context.enable_vertex_attrib_array(0);
        context.vertex_attrib_pointer_f32(0, 2, glow::FLOAT, false, stride, 0);
        context.enable_vertex_attrib_array(1);
        context.vertex_attrib_pointer_f32(1, 4, glow::UNSIGNED_BYTE, true, stride, 8);
        let index_buffer = context.create_buffer()?;
        context.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(index_buffer));
        context.buffer_data_u8_slice(glow::ELEMENT_ARRAY_BUFFER, &index_bytes, glow::STATIC_DRAW);
        context.bind_vertex_array(None);

        let lines = context.create_vertex_array()?;
        context.bind_vertex_array(Some(lines));
        for (location, size, kind, normalized, offset) in [
            (0, 2, glow::FLOAT, false, 0),
            (1, 2, glow::FLOAT, false, stride),
            (2, 4, glow::UNSIGNED_BYTE, true, 12),
            (3, 4, glow::UNSIGNED_BYTE, false, 16),
        ] {
            context.enable_vertex_attrib_array(location);
            context.vertex_attrib_pointer_f32(location, size, kind, normalized, stride, offset);
            context.vertex_attrib_divisor(location, 1);
        }
        context.bind_vertex_array(None);
        context.bind_buffer(glow::ARRAY_BUFFER, None);
        Ok(Tier {
            fills,
            buffers: [points, index_buffer],
            index_count,
            lines,
            segment_count,
        })
    }
}
