//! The map widget: built every frame from the state, it paints the atlas and
//! turns pointer and keyboard input into [`Command`]s.

pub mod base_layer;
pub mod discs;
pub mod gpu_scene;
pub mod name_galleys;
pub mod outline_rules;
pub mod overlay;

use crate::tr;
use egui::{Key, Modifiers, Rect, Sense, Ui};

use crate::atlas::FeatureKind;
use crate::geometry::projection::{LonLat, Projector};
use crate::state::{AnnotationCommand, AppState, Command, KEY_PAN_PX, KEY_ZOOM_FACTOR};
use crate::ui::convert::{screen_point, screen_rect};
use crate::ui::style;
use base_layer::BaseLayer;

/// How much one notch of the wheel (about 50 px of scroll) zooms.
const WHEEL_ZOOM_PER_PX: f64 = 0.003;

/// The map's per-window memory: caches, and the right-click menu's draft.
#[derive(Default)]
pub struct MapView {
    base: BaseLayer,
    /// Where the map was right-clicked, while its menu is open.
    context_at: Option<LonLat>,
    /// The name typed for a new marker.
    marker_name: String,
    /// The menu just opened: its name field takes the keyboard.
    focus_marker_name: bool,
    /// The badges drawn last frame: a click on a cluster zooms into it.
    badges: Vec<crate::view::badges::Placed>,
    /// Names laid out, kept from frame to frame.
    names: name_galleys::NameGalleys,
}

impl MapView {
    /// A map whose zoomed-out views are drawn by the GPU (a paint callback
    /// into `egui_glow`): the app's. Without it (tests, headless frames),
    /// everything is drawn as egui meshes.
    #[must_use]
    pub fn with_gpu() -> Self {
        Self {
            base: BaseLayer::with_gpu(dispatch_map_gl::MapGl::new()),
            ..Self::default()
        }
    }

    /// Headless runs: the GPU scene's parts are dropped as if a draw had
    /// uploaded them.
    pub fn discard_gpu_uploads(&self) {
        self.base.discard_gpu_uploads();
    }

    /// Whether zoomed-out views of `generation`'s contents are drawn by the
    /// GPU yet (its scene is built on another thread).
    #[must_use]
    pub fn gpu_scene_ready(&self, generation: u64) -> bool {
        self.base.gpu_scene_ready(generation)
    }

    pub fn show(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr!("map-name")));
        let rect = response.rect;
        if state.viewport != Some(screen_rect(rect)) {
            commands.push(Command::SetViewport(screen_rect(rect)));
            ui.ctx().request_repaint();
        }
        let projector = Projector::new(state.camera, screen_rect(rect));
        let atlas = &state.atlas;

        let hover_pos = response.hover_pos();
        // Badges first: names are then placed around them.
        self.badges = crate::view::badges::place(crate::view::badges::candidates(
            atlas,
            &projector,
            state.mention_counts(),
            screen_rect(rect),
        ));
        self.pointer_input(&response, state, &projector, commands);
        // Clicks inside the menu (into its name field) must not close it.
        egui::Popup::context_menu(&response)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| self.context_menu(ui, state, commands));
        if response.dragged() {
            let d = response.drag_delta();
            commands.push(Command::Pan { dx: d.x, dy: d.y });
        }
        if let Some(pointer) = hover_pos {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = f64::from(pinch) * (f64::from(scroll) * WHEEL_ZOOM_PER_PX).exp();
            if (factor - 1.0).abs() > 1e-6 {
                let anchor = pointer - rect.center();
                commands.push(Command::Zoom {
                    factor,
                    anchor_dx: anchor.x,
                    anchor_dy: anchor.y,
                });
            }
        }
        keyboard(ui, state.drawing.is_some(), commands);

        // Painting, bottom to top.
        painter.rect_filled(rect, 0.0, style::OCEAN);
        painter.extend(
            self.base
                .shapes(
                    atlas,
                    &projector,
                    rect,
                    state.layer_generation,
                    1.0 / ui.ctx().pixels_per_point(),
                    &|f| state.layer_opacity(f),
                    ui.ctx(),
                )
                .iter()
                .cloned(),
        );
        if let Some(upload) = self.base.pending_upload(rect) {
            painter.add(upload);
        }
        if let Some(id) = &state.selected {
            overlay::highlight(&painter, atlas, &projector, id, true);
        }
        if let Some(id) = state
            .hovered
            .as_ref()
            .filter(|h| Some(*h) != state.selected.as_ref())
        {
            overlay::highlight(&painter, atlas, &projector, id, false);
        }
        self.markers_labels_badges(&painter, state, &projector);
        overlay::scale_bar_and_attribution(&painter, &projector, rect);
        if let Some(corners) = &state.drawing {
            overlay::zone_in_progress(&painter, &projector, corners, hover_pos);
        }
        if let (Some(pointer), Some(feature)) = (
            hover_pos,
            state.hovered.as_ref().and_then(|id| atlas.get(id)),
        ) && !response.dragged()
        {
            overlay::hover_name(&painter, feature, pointer);
        }
        if response.hovered() {
            let icon = if state.drawing.is_some() {
                egui::CursorIcon::Crosshair
            } else if response.dragged() {
                egui::CursorIcon::Grabbing
            } else if state.hovered.is_some() {
                egui::CursorIcon::PointingHand
            } else {
                egui::CursorIcon::Grab
            };
            ui.ctx().set_cursor_icon(icon);
        }
        legend_area(ui, rect);
    }
}

impl MapView {
    /// Markers, then names where badges leave room, then the badges.
    fn markers_labels_badges(
        &mut self,
        painter: &egui::Painter,
        state: &AppState,
        projector: &Projector,
    ) {
        let annotations = state.annotations();
        let visibility = state.reference_visibility(projector.camera().scale());
        let many_points = overlay::markers(painter, &state.atlas, projector, &visibility, |id| {
            annotations
                .note(id)
                .and_then(|a| a.colour)
                .map(|c| egui::Color32::from_rgb(c.0[0], c.0[1], c.0[2]))
        });
        self.names.begin_frame(painter.ctx().pixels_per_point());
        overlay::labels(
            painter,
            &mut self.names,
            &state.atlas,
            projector,
            &visibility,
            !many_points,
            &crate::view::badges::rects(&self.badges),
        );
        overlay::badges(painter, &self.badges, state.new_mention_counts());
        if self.names.deferred() {
            painter.ctx().request_repaint();
        }
    }

    /// Hover, click, double-click and right-click, as commands. Picking uses
    /// this frame's projector, the one the user sees.
    fn pointer_input(
        &mut self,
        response: &egui::Response,
        state: &AppState,
        projector: &Projector,
        commands: &mut Vec<Command>,
    ) {
        let hover_pos = response.hover_pos();
        let atlas = &state.atlas;
        let visibility = state.reference_visibility(projector.camera().scale());
        let picked = hover_pos.and_then(|p| {
            atlas
                .pick_where(projector, screen_point(p), style::PICK_RADIUS, &|f| {
                    visibility.drawn(f)
                })
                .map(|i| atlas.features()[i].id.clone())
        });
        if picked != state.hovered {
            commands.push(Command::Hover(picked.clone()));
        }
        if state.drawing.is_some() {
            // Drawing a zone: clicks place corners; a double-click (whose
            // first click placed the last corner) finishes.
            if response.double_clicked() {
                commands.push(Command::Annotation(AnnotationCommand::FinishZone));
            } else if response.clicked()
                && let Some(p) = response.interact_pointer_pos()
            {
                let at = projector.lonlat_from_screen(screen_point(p));
                commands.push(Command::Annotation(AnnotationCommand::AddCorner(at)));
            }
            return;
        }
        let cluster = response
            .interact_pointer_pos()
            .map(screen_point)
            .and_then(|p| {
                self.badges
                    .iter()
                    .find(|b| b.is_cluster() && b.rect().contains(p))
            });
        if response.clicked()
            && let Some(cluster) = cluster
        {
            // A cluster of places: zoom in until they come apart.
            commands.push(Command::FrameBox(cluster.extent.0, cluster.extent.1));
            return;
        }
        if response.clicked() {
            commands.push(Command::Select(picked.clone()));
        }
        if response.double_clicked()
            && let Some(id) = &picked
        {
            commands.push(Command::ZoomTo(id.clone()));
        }
        if response.secondary_clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            self.context_at = Some(projector.lonlat_from_screen(screen_point(p)));
            self.marker_name.clear();
            self.focus_marker_name = true;
        }
    }

    /// Right-click: add a marker here (named), or move the selected marker here.
    fn context_menu(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
        let Some(at) = self.context_at else {
            ui.close();
            return;
        };
        ui.label(egui::RichText::new(at.display()).monospace().weak());
        let edit = ui
            .horizontal(|ui| {
                let label = ui.label(tr!("context-marker-name"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.marker_name)
                        .hint_text(tr!("context-optional"))
                        .desired_width(140.0),
                )
                .labelled_by(label.id)
            })
            .inner;
        if std::mem::take(&mut self.focus_marker_name) {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if ui.button(tr!("context-start-zone")).clicked() {
            commands.push(Command::Annotation(AnnotationCommand::StartZone));
            commands.push(Command::Annotation(AnnotationCommand::AddCorner(at)));
            ui.close();
        }
        if ui.button(tr!("context-add-marker")).clicked() || entered {
            commands.push(Command::Annotation(AnnotationCommand::AddMarker {
                name: self.marker_name.trim().to_owned(),
                at,
            }));
            ui.close();
        }
        let selected_marker = state
            .selected
            .as_ref()
            .and_then(|id| state.atlas.get(id))
            .filter(|f| matches!(f.kind, FeatureKind::Marker | FeatureKind::UserZone));
        if let Some(marker) = selected_marker
            && ui
                .button(tr!("context-move-here", name = marker.name.as_str()))
                .clicked()
        {
            commands.push(Command::Annotation(AnnotationCommand::MoveTo {
                id: marker.id.clone(),
                at,
            }));
            ui.close();
        }
    }
}

/// Arrow keys pan, `+`/`-` zoom, `Home` fits the Sahel, `Esc` clears the
/// selection; not while a text field has the keyboard.
fn keyboard(ui: &Ui, drawing: bool, commands: &mut Vec<Command>) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    ui.input_mut(|i| {
        if drawing {
            let zone = |c| Command::Annotation(c);
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                commands.push(zone(AnnotationCommand::FinishZone));
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                commands.push(zone(AnnotationCommand::CancelZone));
            }
            if i.consume_key(Modifiers::NONE, Key::Backspace) {
                commands.push(zone(AnnotationCommand::RemoveCorner));
            }
        }
        let pans = [
            (Key::ArrowLeft, KEY_PAN_PX, 0.0),
            (Key::ArrowRight, -KEY_PAN_PX, 0.0),
            (Key::ArrowUp, 0.0, KEY_PAN_PX),
            (Key::ArrowDown, 0.0, -KEY_PAN_PX),
        ];
        for (key, dx, dy) in pans {
            if i.key_pressed(key) {
                commands.push(Command::Pan { dx, dy });
            }
        }
        let zoom = |factor| Command::Zoom {
            factor,
            anchor_dx: 0.0,
            anchor_dy: 0.0,
        };
        if i.consume_key(Modifiers::NONE, Key::Plus) || i.consume_key(Modifiers::NONE, Key::Equals)
        {
            commands.push(zoom(KEY_ZOOM_FACTOR));
        }
        if i.consume_key(Modifiers::NONE, Key::Minus) {
            commands.push(zoom(1.0 / KEY_ZOOM_FACTOR));
        }
        if i.consume_key(Modifiers::NONE, Key::Home) {
            commands.push(Command::FitFocus);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(Command::Select(None));
        }
    });
}

fn legend_area(ui: &Ui, map_rect: Rect) {
    egui::Area::new(egui::Id::unique("dispatch-atlas-legend"))
        // Top left: the default view's corner there is desert and sea,
        // where bottom left it hid Bamako.
        .fixed_pos(map_rect.left_top() + egui::vec2(10.0, 10.0))
        .pivot(egui::Align2::LEFT_TOP)
        .order(egui::Order::Middle)
        .show(ui.ctx(), crate::ui::legend::legend);
}
