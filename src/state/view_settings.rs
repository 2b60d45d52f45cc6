//! What the user chose to see: the interface's language and the reference
//! layers (towns, rivers and lakes, seas) shown or hidden. Persisted by the
//! window between runs.

use serde::{Deserialize, Serialize};

use super::{AppState, Command};
use crate::atlas::{FeatureId, FeatureKind};
use crate::i18n::Language;

/// A reference layer the View menu shows or hides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReferenceLayer {
    /// Natural Earth's towns and capitals.
    Towns,
    /// Rivers and lakes.
    Water,
    /// The names of seas and oceans.
    Seas,
    /// The names of physical regions (the Sahel, the Sahara).
    Physical,
}

impl ReferenceLayer {
    pub const ALL: [Self; 4] = [Self::Towns, Self::Water, Self::Seas, Self::Physical];

    fn holds(self, kind: FeatureKind) -> bool {
        match self {
            Self::Towns => kind == FeatureKind::City,
            Self::Water => matches!(kind, FeatureKind::River | FeatureKind::Lake),
            Self::Seas => kind == FeatureKind::Sea,
            Self::Physical => kind == FeatureKind::Physical,
        }
    }
}

/// The choices, as saved between runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewSettings {
    language: Language,
    hidden: Vec<ReferenceLayer>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            language: Language::English,
            hidden: Vec::new(),
        }
    }
}

impl ViewSettings {
    /// Settings in `language` with every layer shown.
    #[must_use]
    pub fn in_language(language: Language) -> Self {
        Self {
            language,
            hidden: Vec::new(),
        }
    }

    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }

    #[must_use]
    pub fn shows(&self, layer: ReferenceLayer) -> bool {
        !self.hidden.contains(&layer)
    }

    /// The layers filtered where the map is drawn (not left out of the atlas).
    #[must_use]
    pub fn shown_where_drawn(&self) -> crate::atlas::reference::Shown {
        crate::atlas::reference::Shown {
            towns: self.shows(ReferenceLayer::Towns),
            physical: self.shows(ReferenceLayer::Physical),
        }
    }
}

/// What the View menu changes.
#[derive(Debug, Clone, Copy)]
pub enum ViewCommand {
    SetLanguage(Language),
    ShowReference(ReferenceLayer, bool),
}

impl From<ViewCommand> for Command {
    fn from(command: ViewCommand) -> Self {
        Self::View(command)
    }
}

impl AppState {
    #[must_use]
    pub fn view_settings(&self) -> &ViewSettings {
        &self.view_settings
    }

    /// What of the reference layers the map shows at `scale` (the features
    /// the badges count are named by the reports).
    #[must_use]
    pub fn reference_visibility(&self, scale: f64) -> crate::atlas::reference::Visibility<'_> {
        crate::atlas::reference::Visibility {
            scale,
            shown: self.view_settings.shown_where_drawn(),
            mentioned: self.mention_counts(),
        }
    }

    /// Takes saved settings (at start): the language, the layers hidden on
    /// the map.
    pub fn restore_view_settings(&mut self, settings: &ViewSettings) {
        self.apply_view(ViewCommand::SetLanguage(settings.language));
        for layer in ReferenceLayer::ALL {
            self.apply_view(ViewCommand::ShowReference(layer, settings.shows(layer)));
        }
    }

    pub(super) fn apply_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::SetLanguage(language) => {
                // The window speaks it from the next frame on (and tells
                // the process, so that its workers do too).
                // Labels are laid out every frame: nothing to rebuild.
                self.view_settings.language = language;
            }
            ViewCommand::ShowReference(layer, shown) => {
                if self.view_settings.shows(layer) == shown {
                    return;
                }
                self.view_settings.hidden.retain(|l| *l != layer);
                if !shown {
                    self.view_settings.hidden.push(layer);
                }
                // Towns and physical regions are filtered where the map is
                // drawn, every frame: those the reports name stay
                // (`atlas::reference::Visibility`), and a region's outline
                // still gathers its dossier.
                if matches!(layer, ReferenceLayer::Towns | ReferenceLayer::Physical) {
                    return;
                }
                // Water leaves the base map, which is rebuilt.
                self.layer_generation += 1;
                // Bounded by the atlas's own features, once per click.
                let ids: Vec<FeatureId> = self
                    .atlas
                    .features()
                    .iter()
                    .filter(|f| f.reference.is_some() && layer.holds(f.kind))
                    .map(|f| f.id.clone())
                    .collect();
                self.atlas_mut().set_hidden(&ids, !shown);
                if !shown && self.selected.as_ref().is_some_and(|s| ids.contains(s)) {
                    self.selected = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;

    fn state() -> AppState {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"));
        AppState::new(atlas, None)
    }

    fn shown(state: &AppState, kind: FeatureKind) -> usize {
        state
            .atlas
            .features()
            .iter()
            .filter(|f| f.kind == kind && f.reference.is_some() && !f.hidden)
            .count()
    }

    #[test]
    fn hiding_water_hides_rivers_and_lakes_only_and_showing_brings_them_back() {
        let mut state = state();
        let (rivers, towns) = (
            shown(&state, FeatureKind::River),
            shown(&state, FeatureKind::City),
        );
        assert!(
            rivers > 100 && towns > 1000,
            "{rivers} rivers, {towns} towns"
        );
        state.apply(ViewCommand::ShowReference(ReferenceLayer::Water, false).into());
        assert_eq!(shown(&state, FeatureKind::River), 0);
        assert_eq!(shown(&state, FeatureKind::Lake), 0);
        assert_eq!(shown(&state, FeatureKind::City), towns);
        assert!(!state.view_settings().shows(ReferenceLayer::Water));
        state.apply(ViewCommand::ShowReference(ReferenceLayer::Water, true).into());
        assert_eq!(shown(&state, FeatureKind::River), rivers);
    }

    #[test]
    fn hidden_towns_leave_the_places_the_atlas_marks_and_those_the_reports_name() {
        use crate::atlas::reference::Visibility;
        let mut state = state();
        state.apply(ViewCommand::ShowReference(ReferenceLayer::Towns, false).into());
        assert!(!state.view_settings().shows(ReferenceLayer::Towns));
        let atlas = &state.atlas;
        let bamako = atlas
            .find("Bamako", FeatureKind::City)
            .unwrap_or_else(|| panic!("Bamako"));
        let gao = atlas.find_by_name("Gao").unwrap_or_else(|| panic!("Gao"));
        assert!(bamako.reference.is_some() && gao.reference.is_none());
        let named = std::collections::HashMap::from([(bamako.id.clone(), 1)]);
        let nothing = std::collections::HashMap::new();
        let shown = state.view_settings().shown_where_drawn();
        let view = |mentioned: &std::collections::HashMap<FeatureId, usize>| {
            Visibility {
                scale: 1.0e6,
                shown,
                mentioned,
            }
            .drawn(bamako)
        };
        assert!(
            !view(&nothing),
            "a town nobody names is hidden with its layer"
        );
        assert!(view(&named), "a town the reports name stays");
        let marked = Visibility {
            scale: 1.0e6,
            shown,
            mentioned: &nothing,
        };
        assert!(marked.drawn(gao));
    }

    #[test]
    fn settings_survive_a_round_trip() {
        let mut state = state();
        state.apply(ViewCommand::ShowReference(ReferenceLayer::Seas, false).into());
        let saved = ron_like(state.view_settings());
        let mut again = self::state();
        again.restore_view_settings(&saved);
        assert!(!again.view_settings().shows(ReferenceLayer::Seas));
        assert_eq!(shown(&again, FeatureKind::Sea), 0);
    }

    fn ron_like(settings: &ViewSettings) -> ViewSettings {
        let text = serde_json::to_string(settings).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or_default()
    }
}
