use super::*;
use crate::annotations::Colour;

fn atlas() -> Atlas {
    Atlas::load_embedded().unwrap_or_else(|e| panic!("{e}"))
}

const SAHEL: [f64; 4] = [-8.0, 9.0, 15.0, 21.0];

#[test]
fn the_svg_has_the_countries_the_places_the_user_marks_and_the_credits() {
    let mut atlas = atlas();
    let mut annotations = Annotations::default();
    let camp = annotations.add_marker(
        "Camp & Co <1>",
        LonLat {
            lon: 1.0,
            lat: 15.0,
        },
    );
    annotations.set_note(
        camp,
        crate::annotations::Annotation {
            colour: Some(Colour([0x12, 0x34, 0x56])),
            ..Default::default()
        },
    );
    for feature in annotations.user_features() {
        atlas.upsert(feature);
    }
    let counts = HashMap::from([(FeatureId("geonames:2453514".into()), 3)]);
    let scene = Scene {
        atlas: &atlas,
        annotations: &annotations,
        mention_counts: &counts,
        opacity: &|_| 1.0,
        language: crate::i18n::current(),
        shown: crate::atlas::reference::Shown::ALL,
    };
    let frame = Frame::fit(SAHEL, 1200, 800).unwrap_or_else(|e| panic!("{e}"));
    let svg = svg::svg(&scene, &frame);
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\"")
    );
    for expected in [
        "MALI",
        "NIGER",
        "BURKINA FASO",
        "Ménaka",
        "Gao",
        "Camp &amp; Co &lt;1&gt;",
        "#123456",
        ">3</text>",
        "Legend",
        "Natural Earth",
        "km</text>",
    ] {
        assert!(svg.contains(expected), "no {expected:?} in the SVG");
    }
    // Well-formed enough for a real SVG parser (the PNG path uses it).
    let png = png(&svg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&png[1..4], b"PNG");
    // The PNG has the size asked for (IHDR width and height).
    assert_eq!(
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        1200
    );
    assert_eq!(
        u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
        800
    );
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let error = |r: Result<Frame, RenderError>| r.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error(Frame::fit(SAHEL, 0, 10)).contains("0×10"));
    assert!(error(Frame::fit(SAHEL, 9000, 10)).contains("1 to 8192"));
    assert!(error(Frame::fit([10.0, 0.0, 5.0, 10.0], 100, 100)).contains("west < east"));
    assert!(error(Frame::fit([0.0, 0.0, 5.0, 89.0], 100, 100)).contains("−85..85"));
    assert!(error(Frame::fit([f64::NAN, 0.0, 5.0, 10.0], 100, 100)).contains("west"));
    assert!(Format::of(Path::new("map.jpeg")).is_err());
    assert_eq!(Format::of(Path::new("MAP.PNG")).ok(), Some(Format::Png));
}

/// The image draws the reference layers as the window does: capitals, the
/// Niger named along its course, the seas, a legend that lists them; in
/// French, names and legend in French; without the towns layer, only the
/// towns the reports name.
#[test]
fn the_image_has_the_reference_layers_in_the_language_asked() {
    let atlas = atlas();
    let annotations = Annotations::default();
    let none = HashMap::new();
    // West Africa and the Gulf of Guinea.
    let frame = Frame::fit([-18.0, 0.0, 16.0, 22.0], 1400, 1000).unwrap_or_else(|e| panic!("{e}"));
    let draw = |language, towns, counts: &HashMap<FeatureId, usize>| {
        svg::svg(
            &Scene {
                atlas: &atlas,
                annotations: &annotations,
                mention_counts: counts,
                opacity: &|_| 1.0,
                language,
                shown: crate::atlas::reference::Shown {
                    towns,
                    physical: true,
                },
            },
            &frame,
        )
    };
    let english = draw(crate::i18n::Language::English, true, &none);
    for expected in [
        ">Bamako</text>",
        ">Niamey</text>",
        ">Ouagadougou</text>",
        "rotate(",
        ">Niger</text>",
        "Gulf of Guinea",
        ">River</text>",
        ">Capital</text>",
    ] {
        assert!(english.contains(expected), "no {expected:?} in the SVG");
    }
    let french = draw(crate::i18n::Language::French, true, &none);
    for expected in ["Golfe de Guinée", ">Légende</text>", ">Capitale</text>"] {
        assert!(
            french.contains(expected),
            "no {expected:?} in the French SVG"
        );
    }
    // Towns hidden: Bamako goes, unless the reports name it.
    let hidden = draw(crate::i18n::Language::English, false, &none);
    assert!(!hidden.contains(">Bamako</text>"));
    let bamako = atlas
        .find("Bamako", crate::atlas::FeatureKind::City)
        .map_or_else(|| panic!("Bamako"), |f| f.id.clone());
    let named = HashMap::from([(bamako, 2)]);
    let reported = draw(crate::i18n::Language::English, false, &named);
    assert!(reported.contains(">Bamako</text>"));
}
