//! The two programs: fills (triangles, one colour per vertex) and outlines
//! (one instanced quad per segment, widened and anti-aliased in the shader).
//!
//! Both map world coordinates to the viewport with the same uniforms:
//! `pixel = (world * u_scale + u_offset) * u_ppp`, where `u_scale` is the
//! camera's logical pixels per world unit and `u_offset` puts the camera's
//! centre at the viewport's centre; `egui_glow` sets the viewport to the
//! callback's rectangle.

/// Prepended to both shaders after the `#version` line.
const COMMON: &str = r"
#ifdef GL_ES
precision highp float;
#endif
uniform float u_scale;
uniform vec2 u_offset;
uniform float u_ppp;
uniform vec2 u_viewport_px;

vec2 pixel_from_world(vec2 world) {
    return (world * u_scale + u_offset) * u_ppp;
}

vec4 clip_from_pixel(vec2 pixel) {
    vec2 ndc = pixel / u_viewport_px * 2.0 - 1.0;
    return vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
";

pub(crate) const FILL_VERTEX: &str = r"
in vec2 a_world;
in vec4 a_colour;
out vec4 v_colour;
void main() {
    v_colour = a_colour;
    gl_Position = clip_from_pixel(pixel_from_world(a_world));
}
";

pub(crate) const FILL_FRAGMENT: &str = r"
in vec4 v_colour;
out vec4 f_colour;
void main() {
    f_colour = v_colour;
}
";

/// One instance per point: the segment from it (`a_a`) to the next point
/// (`a_b`, the same buffer one record on). Corners 0..3 of a triangle strip:
/// (start, right), (start, left), (end, right), (end, left). `a_style`:
/// width in sixteenths of a point, feature and ring extent codes (`2^(code
/// / 8 - 30)` world units; 255: always drawn), and 1 where a segment starts.
/// A segment that does not start there, or that the rules hide, is moved
/// outside the clip volume, so it is culled before any fragment.
pub(crate) const LINE_VERTEX: &str = r"
in vec2 a_a;
in vec2 a_b;
in vec4 a_colour;
in vec4 a_style;
uniform vec4 u_rules;
out vec4 v_colour;
out float v_across;
out float v_half_width;
float extent_px(float code) {
    return code > 254.5 ? 1e30 : exp2(code / 8.0 - 30.0) * u_scale;
}
void main() {
    float width = a_style.x / 16.0;
    float feature_px = extent_px(a_style.y);
    float ring_px = extent_px(a_style.z);
    if (a_style.w < 0.5 || feature_px < u_rules.x || ring_px < u_rules.w) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_colour = vec4(0.0);
        v_across = 0.0;
        v_half_width = 0.0;
        return;
    }
    if (feature_px < u_rules.y) {
        width = min(width, u_rules.z);
    }
    float physical = width * u_ppp;
    // Lines thinner than a pixel are drawn a pixel wide and fainter, as
    // egui's feathering does.
    float drawn = max(physical, 1.0);
    float faint = min(physical, 1.0);
    vec2 pa = pixel_from_world(a_a);
    vec2 pb = pixel_from_world(a_b);
    vec2 d = pb - pa;
    float len = length(d);
    vec2 along = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-along.y, along.x);
    int corner = gl_VertexID;
    float at_end = corner >= 2 ? 1.0 : 0.0;
    float side = (corner == 1 || corner == 3) ? 1.0 : -1.0;
    float half_quad = drawn * 0.5 + 1.0;
    // Square caps half a width long close the joints between segments.
    vec2 p = mix(pa, pb, at_end) + along * (at_end * 2.0 - 1.0) * drawn * 0.5
        + normal * side * half_quad;
    v_colour = a_colour * faint;
    v_across = side * half_quad;
    v_half_width = drawn * 0.5;
    gl_Position = clip_from_pixel(p);
}
";

pub(crate) const LINE_FRAGMENT: &str = r"
in vec4 v_colour;
in float v_across;
in float v_half_width;
out vec4 f_colour;
void main() {
    float coverage = clamp(v_half_width + 0.5 - abs(v_across), 0.0, 1.0);
    f_colour = v_colour * coverage;
}
";

/// A shader's full source for this context's GLSL version.
pub(crate) fn source(version_declaration: &str, body: &str) -> String {
    format!("{version_declaration}{COMMON}{body}")
}
