//! The geoparser on the embedded gazetteer: the cases the product promises.

use std::sync::OnceLock;

use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::geoparse::gazetteer::Gazetteer;
use dispatch_atlas::geoparse::{MentionKind, PlaceMention, geoparse};

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
        Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("gazetteer: {e}"))
    })
}

fn places(text: &str) -> Vec<PlaceMention> {
    geoparse(gazetteer(), text)
}

fn surfaces(text: &str) -> Vec<String> {
    places(text)
        .into_iter()
        .map(|p| p.surface.to_string())
        .collect()
}

#[test]
fn menaka_is_found_whatever_the_accents_and_case() {
    for text in [
        "Fighting near Ménaka, Mali.",
        "Fighting near Menaka, Mali.",
        "FIGHTING NEAR MÉNAKA, MALI.",
    ] {
        let found = places(text);
        let menaka = found
            .iter()
            .find(|p| &*p.name == "Ménaka")
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(menaka.country.as_deref(), Some("ML"));
        assert_eq!(&*menaka.gazetteer, "geonames:2453514");
    }
}

#[test]
fn offsets_are_unicode_scalar_values() {
    let text = "À l’aube, l’armée est entrée à Ménaka.";
    let menaka = places(text)
        .into_iter()
        .find(|p| &*p.name == "Ménaka")
        .unwrap_or_else(|| panic!("Ménaka"));
    let surface: String = text
        .chars()
        .skip(menaka.start)
        .take(menaka.end - menaka.start)
        .collect();
    assert_eq!(surface, "Ménaka");
}

#[test]
fn gao_is_in_mali_when_the_text_is_about_mali() {
    let gao = places("The wounded were flown to Gao, in northern Mali.")
        .into_iter()
        .find(|p| &*p.surface == "Gao")
        .unwrap_or_else(|| panic!("Gao"));
    assert_eq!(
        (gao.country.as_deref(), gao.kind),
        (Some("ML"), MentionKind::City)
    );
    assert!((gao.lat - 16.27).abs() < 0.05 && (gao.lon + 0.04).abs() < 0.05);
}

#[test]
fn the_three_borders_zone_in_english_and_french() {
    for (text, surface) in [
        (
            "The area lies in the so-called three borders region.",
            "three borders region",
        ),
        (
            "Les attaques dans la zone des trois frontières se multiplient.",
            "zone des trois frontières",
        ),
        ("Operations in Liptako-Gourma continue.", "Liptako-Gourma"),
    ] {
        let found = places(text);
        let zone = found
            .iter()
            .find(|p| p.kind == MentionKind::Zone)
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(&*zone.surface, surface);
        assert_eq!(&*zone.gazetteer, "zone:three-borders");
    }
}

#[test]
fn organisations_people_and_demonyms_are_not_places() {
    let text = "France's support for the G5 Sahel countries, said Florence Parly on Radio France Internationale. \
                Legionnaire Kevin Clement and President Emmanuel Macron; French and Malian troops.";
    let found = surfaces(text);
    assert_eq!(found, vec!["France"], "{found:?}");
}

#[test]
fn a_surname_after_a_middle_initial_is_a_person_even_when_the_initial_is_a_word() {
    // "D" and "A" are also French "d'" and English "a": as initials they
    // still make the next word a surname, here and when it comes alone.
    for text in [
        "Chicago police said Gino D. Bassett, 56, was charged. Police say Bassett ran away.",
        "Officials in Texas said John A. Bassett was arrested. Bassett denied it.",
    ] {
        let found = surfaces(text);
        assert!(!found.iter().any(|s| s == "Bassett"), "{text}: {found:?}");
    }
}

#[test]
fn a_regions_abbreviation_after_a_town_and_a_comma() {
    let found =
        places("BALTIMORE, Md. — Police in Kamloops, B.C., and Albuquerque, N.M., said so.");
    let regions: Vec<(&str, &str)> = found
        .iter()
        .filter(|p| p.kind == MentionKind::Region)
        .map(|p| (&*p.surface, &*p.name))
        .collect();
    assert_eq!(
        regions,
        [
            ("Md.", "Maryland"),
            ("B.C.", "British Columbia"),
            ("N.M.", "New Mexico")
        ],
        "{found:?}"
    );
    // Elsewhere such an abbreviation is no place ("22nd St. North." is
    // Sudan's Northern state's), but a country's still is.
    let surfaces = surfaces("The festival is at 30 22nd St. North. The U.S. military left.");
    assert_eq!(surfaces, ["U.S."]);
}

#[test]
fn institutions_after_a_french_article_and_mixed_case_acronyms_are_not_towns() {
    // "l'Élysée" is the presidency; Paris's 8th arrondissement is a small
    // populated place of GeoNames. "FAMa" is Mali's army, not a Brazilian town.
    let text = "Un soldat a été tué au Mali, a annoncé l\u{2019}Élysée. Selon l'Élysée, \
                les Forces armées maliennes (FAMa) étaient à Gao.";
    let found = surfaces(text);
    assert_eq!(found, vec!["Mali", "Gao"], "{found:?}");
}

#[test]
fn parts_of_countries_and_territories_named_like_their_people() {
    // England and Wales are parts of the United Kingdom in Natural Earth;
    // "Guam" is also a demonym in i18n-nationality, which hid the territory.
    let found = places("Fans in England and Wales watched; flights to Guam resumed.");
    let read: Vec<(&str, &str, Option<&str>)> = found
        .iter()
        .map(|p| (p.surface.as_ref(), p.kind.as_str(), p.country.as_deref()))
        .collect();
    assert_eq!(
        read,
        vec![
            ("England", "region", Some("GB")),
            ("Wales", "region", Some("GB")),
            ("Guam", "country", Some("GU"))
        ]
    );
}

#[test]
fn french_word_order_tells_a_town_from_its_region() {
    // "à" comes before a town, "la région de" before a region.
    let found = places(
        "Des soldats maliens sont arrivés à Tombouctou. Les combats ont lieu dans la région \
         de Tillabéri, au Niger, et dans la région d'Agadez.",
    );
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|p| (p.surface.as_ref(), p.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Tombouctou", "city"),
            ("Tillabéri", "region"),
            ("Niger", "country"),
            ("Agadez", "region")
        ]
    );
}

/// A region named by a compass or an ordinary word after its region's word
/// ("la région de l'Est", "la province du Lac"), and a town named by an
/// ordinary word after French "depuis" or "vers" ("depuis Bol").
#[test]
fn ordinary_words_after_a_region_word_or_a_french_from_are_places() {
    let kinds = |text: &str| -> Vec<(String, String, String)> {
        places(text)
            .into_iter()
            .map(|p| {
                let country = p.country.as_deref().unwrap_or_default().to_owned();
                (p.surface.to_string(), p.kind.as_str().to_owned(), country)
            })
            .collect()
    };
    let est = kinds("Au Burkina Faso, les déplacés arrivent dans la région de l'Est.");
    assert!(
        est.contains(&("Est".into(), "region".into(), "BF".into())),
        "{est:?}"
    );
    let lac = kinds("Au Tchad, l'armée a renforcé ses positions dans la province du Lac.");
    assert!(
        lac.contains(&("Lac".into(), "region".into(), "TD".into())),
        "{lac:?}"
    );
    let bol = kinds("Au Tchad, l'armée a envoyé des renforts depuis Bol, sur le lac.");
    assert!(
        bol.contains(&("Bol".into(), "city".into(), "TD".into())),
        "{bol:?}"
    );
    // Without the region's word, the ordinary word is no place.
    assert!(
        !kinds("Le vent souffle de l'Est, et le lac est calme.")
            .iter()
            .any(|(s, _, _)| s == "Est"),
    );
}

/// Ordinary words ending on a park's or a building's word after a
/// capitalised word are the tail of a longer name, not a place of their
/// own; other names of ordinary words after a capitalised word stay places.
#[test]
fn the_tail_of_a_parks_name_is_no_place() {
    assert!(
        !surfaces("Soldiers were killed near the W National Park, in Benin.")
            .contains(&"National Park".to_owned())
    );
    assert!(
        !surfaces("The jet landed at Dulles International Airport on Monday.")
            .contains(&"International Airport".to_owned())
    );
    for (text, place) in [
        (
            "It is turning historically Republican Orange County blue.",
            "Orange County",
        ),
        (
            "In Ghana's Upper East region, officials counted the refugees.",
            "Upper East",
        ),
        (
            "CHECK YOUR TICKETS NEW JERSEY, the lottery said.",
            "NEW JERSEY",
        ),
    ] {
        assert!(
            surfaces(text).contains(&place.to_owned()),
            "{place} in {text:?}"
        );
    }
}

#[test]
fn countries_resolve_to_their_iso_code() {
    let found = places(
        "Britain, the Czech Republic, Estonia and France pledged troops; Niger and Burkina Faso too.",
    );
    let codes: Vec<Option<&str>> = found.iter().map(|p| p.country.as_deref()).collect();
    assert_eq!(
        codes,
        vec![
            Some("GB"),
            Some("CZ"),
            Some("EE"),
            Some("FR"),
            Some("NE"),
            Some("BF")
        ]
    );
    assert!(found.iter().all(|p| p.kind == MentionKind::Country));
}

#[test]
fn months_acronyms_and_common_words_are_not_towns() {
    assert!(
        surfaces(
            "At the end of April, NAFTA talks resumed. Police said in March the State would act."
        )
        .is_empty()
    );
}

#[test]
fn a_surname_stays_a_person_after_its_first_name_is_dropped() {
    let found = surfaces("Jacob Zuma resigned. Later Zuma said he would appeal.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_small_towns_name_that_speaks_is_a_person() {
    assert!(surfaces("\"We will appeal,\" Bassett said on Monday.").is_empty());
    assert_eq!(
        surfaces("Fighting resumed in Gao, officials said."),
        vec!["Gao"]
    );
}

#[test]
fn empty_and_odd_texts_give_nothing_and_do_not_panic() {
    for text in [
        "",
        " ",
        "\u{feff}",
        "\0\0",
        "é",
        "---",
        "Mali",
        "ÉÉÉÉ",
        "\u{fffd}\u{fffd}",
    ] {
        let _ = places(text);
    }
    assert_eq!(surfaces("Mali").len(), 1);
}

#[test]
fn datelines_in_capitals_are_places() {
    let found = places(
        "PARIS (Reuters) - France said on Monday it would stay.\nNIAMEY, 3 mars (AFP) - Le Niger a dit.",
    );
    let names: Vec<&str> = found.iter().map(|p| &*p.name).collect();
    assert!(
        names.contains(&"Paris") && names.contains(&"Niamey"),
        "{names:?}"
    );
    // Not a dateline: a short word in capitals inside a sentence stays an acronym.
    assert!(!surfaces("Officials of PARIS said nothing.").contains(&"PARIS".to_owned()));
}

#[test]
fn the_first_item_of_a_list_in_brackets_is_a_place() {
    for text in [
        "The G5 Sahel (Niger, Mali, Chad, Mauritania and Burkina Faso) met.",
        "Members (Niger, Mali) met in Nouakchott.",
        "Les membres «Niger» et «Mali» ont signé.",
    ] {
        let found = surfaces(text);
        assert!(found.iter().any(|s| s == "Niger"), "{text}: {found:?}");
        assert!(found.iter().any(|s| s == "Mali"), "{text}: {found:?}");
    }
}

#[test]
fn zone_names_in_quotes_and_guillemets() {
    for text in [
        "Dans la zone dite des «trois frontières», l'armée a frappé.",
        "Dans les « trois frontières », l'armée a frappé.",
        "In the so-called \"three borders\" area, the army struck.",
        "In the “three borders” area, the army struck.",
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|p| &*p.gazetteer == "zone:three-borders"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn short_and_unaccented_country_names() {
    for (text, code) in [
        ("Le Burkina a fermé sa frontière.", "BF"),
        ("Les Etats-Unis et les États-Unis d'Amérique.", "US"),
        ("La Centrafrique et la Tanzanie.", "CF"),
        ("The DPRK fired a missile; la RPDC a tiré.", "KP"),
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|p| p.country.as_deref() == Some(code)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn title_case_headlines_name_their_places() {
    let found = surfaces(
        "Attack Near Gao Kills 12 Soldiers\n\nMali Army Says Convoy Hit\n\nThe body follows.",
    );
    assert!(found.contains(&"Gao".to_owned()), "{found:?}");
    assert!(found.contains(&"Mali".to_owned()), "{found:?}");
    // An ordinary capitalised word of a headline is not a town.
    assert!(!found.contains(&"Convoy".to_owned()), "{found:?}");
    // Outside headlines, a name beside a capitalised name stays a person.
    assert!(surfaces("Florence Parly visited the troops.").is_empty());
}

#[test]
fn a_country_in_lower_case_unless_it_is_an_ordinary_word() {
    let found = places("photo: soldiers patrol in northern mali last year.");
    assert!(
        found.iter().any(|p| p.country.as_deref() == Some("ML")),
        "{found:?}"
    );
    assert!(surfaces("we ate turkey and rice from a china bowl in chad's kitchen.").is_empty());
}

#[test]
fn a_namesake_abroad_goes_where_the_articles_other_places_are() {
    let country_of = |text: &str, name: &str| {
        places(text)
            .into_iter()
            .find(|p| &*p.surface == name)
            .and_then(|p| p.country.map(|c| c.to_string()))
    };
    assert_eq!(
        country_of(
            "Police in Ontario said a man from London was arrested in Mississauga and Brampton.",
            "London"
        )
        .as_deref(),
        Some("CA")
    );
    assert_eq!(
        country_of(
            "Trains between London, Manchester and Leeds were cancelled.",
            "London"
        )
        .as_deref(),
        Some("GB")
    );
}

/// Seas and oceans are macro-regions from Natural Earth's marine areas:
/// "the Atlantic" is the Atlantic Ocean (its two halves made one), the Gulf
/// of Guinea and the Mediterranean are found, "Indian" alone stays a
/// nationality and "Red" an adjective.
#[test]
fn seas_and_oceans_are_found_by_their_names() {
    let found = |text: &str| -> Vec<(String, String)> {
        places(text)
            .into_iter()
            .map(|p| (p.name.to_string(), p.gazetteer.to_string()))
            .collect()
    };
    let atlantic = found("Storms formed over the warm waters of the Atlantic this week.");
    assert!(
        atlantic
            .iter()
            .any(|(n, id)| n == "Atlantic Ocean" && id == "ne:ocean:atlantic-ocean"),
        "{atlantic:?}"
    );
    let guinea = found("Pirates attacked a tanker in the Gulf of Guinea on Tuesday.");
    assert!(
        guinea.iter().any(|(n, _)| n == "Gulf of Guinea"),
        "{guinea:?}"
    );
    let crossing = found("Migrants crossed the Mediterranean from Libya.");
    assert!(
        crossing.iter().any(|(n, _)| n == "Mediterranean Sea"),
        "{crossing:?}"
    );
    let french = found("Les navires ont traversé l'Atlantique en janvier.");
    assert!(
        french.iter().any(|(n, _)| n == "Atlantic Ocean"),
        "{french:?}"
    );
    // French sets the generic word in lower case.
    let gulf = found("Un pétrolier a été attaqué dans le golfe de Guinée mardi.");
    assert!(gulf.iter().any(|(n, _)| n == "Gulf of Guinea"), "{gulf:?}");
    let sea = found("Des migrants ont traversé la mer Méditerranée depuis la Libye.");
    assert!(sea.iter().any(|(n, _)| n == "Mediterranean Sea"), "{sea:?}");
    // A report on Benin means its Atlantique department.
    let benin = found("Au Bénin, des inondations ont frappé l'Atlantique et le Littoral.");
    assert!(
        benin.iter().all(|(n, _)| n != "Atlantic Ocean"),
        "{benin:?}"
    );
    // "Red" is an adjective far more often than the sea.
    let red = found("Red flags flew over Gao.");
    assert!(red.iter().all(|(n, _)| n != "Red Sea"), "{red:?}");
    let indian = found("An Indian delegation arrived in Bamako.");
    assert!(
        indian.iter().all(|(n, _)| n != "Indian Ocean"),
        "{indian:?}"
    );
}

/// Deserts, plains and mountains: Natural Earth's physical regions, by
/// their names, their abbreviations written out, and their bare names.
#[test]
fn physical_regions_are_found_by_their_names() {
    let found = |text: &str| -> Vec<(String, String)> {
        places(text)
            .into_iter()
            .map(|p| (p.name.to_string(), p.gazetteer.to_string()))
            .collect()
    };
    let sahel = found("Jihadist groups have spread across the Sahel since 2012.");
    assert!(
        sahel
            .iter()
            .any(|(n, id)| n == "Sahel" && id == "ne:physical:sahel"),
        "{sahel:?}"
    );
    let sahara = found("Les trafiquants traversent le Sahara vers la Libye.");
    assert!(sahara.iter().any(|(n, _)| n == "Sahara"), "{sahara:?}");
    let air = found("The group fled into the Aïr Mountains north of Agadez.");
    assert!(air.iter().any(|(n, _)| n == "Aïr Mts."), "{air:?}");
    let massif = found("Les combattants se sont repliés dans le massif de l'Aïr.");
    assert!(massif.iter().any(|(n, _)| n == "Aïr Mts."), "{massif:?}");
    let tenere = found("A convoy crossed the Ténéré desert towards Bilma.");
    assert!(tenere.iter().any(|(n, _)| n == "Ténéré"), "{tenere:?}");
    // "G5 Sahel" is an organisation; "the Western Desert" does not make
    // "Western" a place, nor "Libyan Desert" a Libyan one.
    let g5 = found("The G5 Sahel force met in Nouakchott.");
    assert!(g5.iter().all(|(n, _)| n != "Sahel"), "{g5:?}");
    let western = found("Western diplomats and Libyan officials met in Tunis.");
    assert!(
        western
            .iter()
            .all(|(n, _)| n != "Western Desert" && n != "Libyan Desert"),
        "{western:?}"
    );
}

/// The UN's M49 regions, by their names and the shorter ones news use.
#[test]
fn un_regions_are_found_by_the_names_news_give_them() {
    let found = |text: &str| -> Vec<(String, String)> {
        places(text)
            .into_iter()
            .map(|p| (p.name.to_string(), p.gazetteer.to_string()))
            .collect()
    };
    let west = found("The insurgency has spread across West Africa since 2015.");
    assert!(
        west.iter()
            .any(|(n, id)| n == "Western Africa" && id == "m49:011"),
        "{west:?}"
    );
    let north = found("Migrants crossed North Africa towards Europe.");
    assert!(
        north.iter().any(|(n, _)| n == "Northern Africa"),
        "{north:?}"
    );
    let sub_saharan = found("Growth in Sub-Saharan Africa slowed.");
    assert!(
        sub_saharan.iter().any(|(n, _)| n == "Sub-Saharan Africa"),
        "{sub_saharan:?}"
    );
    // A country's name is never a region's: South Africa stays the country.
    let south = found("South Africa sent observers.");
    assert!(
        south
            .iter()
            .any(|(n, id)| n == "South Africa" && id == "iso:ZA"),
        "{south:?}"
    );
    // French names, the qualifier in lower case as French writes it; the
    // country keeps its French name too.
    let french = found(
        "Les pays d'Afrique de l'Ouest et de l'Afrique subsaharienne, l'Afrique \
         centrale et l'Afrique du Sud.",
    );
    let names: Vec<&str> = french.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Western Africa",
            "Sub-Saharan Africa",
            "Middle Africa",
            "South Africa"
        ],
        "{french:?}"
    );
}

/// Airports and air bases (`OurAirports`), by their names and as news write
/// them ("Gao airport"); a town keeps its own name.
#[test]
fn airports_and_air_bases_are_found() {
    let found = |text: &str| -> Vec<(String, String, String)> {
        places(text)
            .into_iter()
            .map(|p| {
                (
                    p.surface.to_string(),
                    p.name.to_string(),
                    p.kind.as_str().to_owned(),
                )
            })
            .collect()
    };
    let bamako = found("The minister landed at Modibo Keita International Airport on Monday.");
    assert!(
        bamako
            .iter()
            .any(|(_, n, k)| n == "Modibo Keita International Airport" && k == "facility"),
        "{bamako:?}"
    );
    let gao = found("Shells hit Gao airport overnight, the army said.");
    assert!(
        gao.iter()
            .any(|(s, n, k)| s == "Gao airport" && n == "Gao Airport" && k == "facility"),
        "{gao:?}"
    );
    let base = found("Drones took off from Air Base 201 in Agadez.");
    assert!(
        base.iter()
            .any(|(s, n, _)| s == "Air Base 201" && n == "Niger Air Base 201"),
        "{base:?}"
    );
    let town = found("Troops left Gao on Monday.");
    assert!(
        town.iter().any(|(s, _, k)| s == "Gao" && k == "city"),
        "{town:?}"
    );
}

/// Towns the gazetteer knows from their airfields: across the borders, where
/// `GeoNames` lacks them ("Bordj Badji Mokhtar") or spells them otherwise
/// ("Basseknou" for the Bassikounou of the refugee camps).
#[test]
fn the_neighbours_towns_known_by_their_airfields() {
    let found: Vec<(String, String)> = places(
        "Refugees from Léré reached the Mbera camp near Bassikounou and the town of \
         Fassala, in Mauritania. Others crossed to Bordj Badji Mokhtar in Algeria.",
    )
    .into_iter()
    .map(|p| {
        (
            p.surface.to_string(),
            p.country.as_deref().unwrap_or_default().to_owned(),
        )
    })
    .collect();
    for (surface, country) in [
        ("Bassikounou", "MR"),
        ("Fassala", "MR"),
        ("Bordj Badji Mokhtar", "DZ"),
    ] {
        assert!(
            found.iter().any(|(s, c)| s == surface && c == country),
            "{surface} in {country}: {found:?}"
        );
    }
}

/// A name many places share, with nothing in the text to choose, is placed
/// with doubt (the window marks it); Ménaka in a report on Mali is not.
#[test]
fn doubtful_readings_are_marked_uncertain() {
    let springfield = places("The delegates met in Springfield on Monday.");
    assert!(
        springfield
            .iter()
            .any(|p| &*p.surface == "Springfield" && p.is_uncertain()),
        "{springfield:?}"
    );
    let menaka = places("Fighting was reported near Ménaka, in north-eastern Mali.");
    assert!(
        menaka
            .iter()
            .any(|p| &*p.surface == "Ménaka" && !p.is_uncertain()),
        "{menaka:?}"
    );
}

#[test]
fn family_names_after_a_particle_are_people() {
    for text in [
        "Seven on Musir (Mike de Kock), won by Victoire Pisa.",
        "Dutch Rail chief Roger van Boxtel spoke first.",
        "The house of Bernard de Marigny de Mandeville burned.",
    ] {
        let found = places(text);
        assert!(
            found.iter().all(|p| p.kind != MentionKind::City),
            "{text}: {found:?}"
        );
    }
    // A common noun before "de" is a head, not a first name.
    let names: Vec<String> = places("Des tirs ont visé la Région de Gao et le Camp de Kati.")
        .into_iter()
        .map(|p| p.name.to_string())
        .collect();
    assert!(
        names.contains(&"Gao".to_owned()) && names.contains(&"Kati".to_owned()),
        "{names:?}"
    );
}

#[test]
fn kin_and_clergy_introduce_people() {
    for text in [
        "He died while his father Zachary slept.",
        "He is survived by his girlfriend Olivia.",
        "Archbishop Luis Antonio Tagle led the vigil.",
    ] {
        let found = surfaces(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_given_name_alone_is_a_person_unless_the_article_is_there() {
    for text in [
        "There was a bit of robbing Peter to pay Paul in the budget.",
        "Three hurricanes struck: Harvey, Irma and Maria.",
        "Miranda tweeted on Thursday that the diagnosis was early.",
        "It has been home for his yellow lab, Levi, for a month.",
    ] {
        let found = surfaces(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // In the article's country, or after "in", the town stays.
    let found = surfaces("Police in Clarence, New York, said Clarence schools were closed.");
    assert_eq!(
        found.iter().filter(|s| *s == "Clarence").count(),
        2,
        "{found:?}"
    );
    let found = places("Canada's Alberta province voted; Alberta's premier spoke.");
    assert!(
        found.iter().filter(|p| &*p.surface == "Alberta").count() == 2,
        "{found:?}"
    );
}

#[test]
fn a_foreign_village_without_a_place_word_is_not_a_place() {
    // El Niño is a village of Mexico; here it is the weather.
    let found = surfaces("What about El Niño? El Niño and La Niña are common terms.");
    assert!(found.is_empty(), "{found:?}");
    // With a place word, or in its country's report, it stays.
    assert_eq!(surfaces("They lived in El Niño."), vec!["El Niño"]);
    let found = surfaces("Gunmen from Mali attacked Tessit, then Ménaka.");
    assert_eq!(found, vec!["Mali", "Tessit", "Ménaka"]);
}

#[test]
fn a_village_without_a_place_word_is_not_claimed_sure() {
    let found = places("Mali's army said Ménaka was calm. Fighting resumed near Ménaka.");
    let menaka: Vec<&PlaceMention> = found.iter().filter(|p| &*p.surface == "Ménaka").collect();
    assert_eq!(menaka.len(), 2, "{found:?}");
    // Bare: below the sure band, not doubtful. After "near": sure.
    assert!(
        menaka[0].confidence < 0.9 && !menaka[0].is_uncertain(),
        "{menaka:?}"
    );
    assert!(menaka[1].confidence >= 0.9, "{menaka:?}");
}

#[test]
fn names_written_otherwise_and_money_are_not_places() {
    // NoMa, a Washington neighbourhood, is written with an inner capital.
    assert!(surfaces("Noma (not her real name) opened a case.").is_empty());
    // A truncated alternate name: "Igbo" for Igbo-Ukwu.
    assert!(surfaces("The Igbo leaders met in the east.").is_empty());
    let found = surfaces("A pension of 100 laris (about 40 US dollars) a month.");
    assert!(found.is_empty(), "{found:?}");
    // "a" is an English article, not French "à": "a Time Warner company".
    assert!(surfaces("CNN, a Time Warner Company, said so.").is_empty());
}

#[test]
fn new_york_is_the_city_and_a_capital_outranks_a_small_namesake() {
    let found = places("NEW YORK (AP) — Stocks rose. Traders in New York were calm.");
    assert!(
        found.iter().all(|p| &*p.name == "New York City"),
        "{found:?}"
    );
    // An American report: Ohio places, but London is still London.
    let found = places("Officials in Columbus, Ohio, and Dayton, Ohio, flew to London.");
    let london = found.iter().find(|p| &*p.surface == "London");
    assert_eq!(
        london.and_then(|p| p.country.as_deref()),
        Some("GB"),
        "{found:?}"
    );
}

#[test]
fn a_town_word_before_de_or_of_makes_it_the_town() {
    let found = places("Les combattants sont entrés dans la ville de Tombouctou.");
    assert!(
        found
            .iter()
            .any(|p| &*p.surface == "Tombouctou" && p.kind == MentionKind::City),
        "{found:?}"
    );
}

#[test]
fn an_ordinary_word_opening_the_sentence_or_a_day_after_is_no_name() {
    // "Given" is capitalised because it opens the sentence, not a first name.
    assert_eq!(
        surfaces("Given Tunisia's security challenges, aid rose."),
        vec!["Tunisia"]
    );
    assert_eq!(
        surfaces("Selon Bamako, le calme est revenu."),
        vec!["Bamako"]
    );
    // AP style: a day after a place is not a surname.
    assert_eq!(
        surfaces("The minister spoke in Moscow, Russia Thursday."),
        vec!["Moscow", "Russia"]
    );
    // A first name opening the sentence still makes a person.
    assert!(surfaces("Florence Parly visited the troops.").is_empty());
}

#[test]
fn compound_names_acronyms_and_cities_of_millions() {
    // Part of a hyphenated surname; a pair of places stays two places.
    assert!(surfaces("Diaz-Balart spoke on Monday.").is_empty());
    assert_eq!(
        surfaces("In Mali, on the Gao-Ansongo road."),
        vec!["Mali", "Gao", "Ansongo"]
    );
    assert_eq!(surfaces("Au Nord-Mali, rien."), vec!["Mali"]);
    // An acronym after a town is no surname: the town stays a place later.
    assert_eq!(
        surfaces("Remarks at Immokalee TIGER grant event. It will revitalize Immokalee."),
        vec!["Immokalee", "Immokalee"]
    );
    // "from Dewsbury said": a town after "from", before a verb of speech.
    assert_eq!(
        surfaces("Barry, who was from Dewsbury said she knew."),
        vec!["Dewsbury"]
    );
    // A city of millions after a capitalised word is still the city later.
    let found = surfaces("The editor of Baseball Toronto wrote. He belonged to Toronto.");
    assert_eq!(
        found.last().map(String::as_str),
        Some("Toronto"),
        "{found:?}"
    );
}

#[test]
fn a_capitalised_article_inside_a_sentence_begins_another_name() {
    let found = surfaces("A strong El Niño or La Niña changes the season; Le Monde reported it.");
    assert!(found.is_empty(), "{found:?}");
    // In lower case, or opening the sentence, the article is only an article.
    assert_eq!(
        surfaces("Il est arrivé dans la Mauritanie voisine."),
        vec!["Mauritanie"]
    );
}

#[test]
fn a_middle_initial_and_a_compass_word_alone() {
    // "D." is an initial, not a sentence's end: Bassett is a surname here
    // and later.
    let found = surfaces("Gino D. Bassett, 56, was charged. Police say Bassett fled.");
    assert!(found.is_empty(), "{found:?}");
    assert!(surfaces("They brought in that Southern influence.").is_empty());
    assert_eq!(
        surfaces("Ships crossed the Southern Ocean."),
        vec!["Southern Ocean"]
    );
}

#[test]
fn villages_of_the_war_without_their_country_and_foreign_namesakes() {
    // No country named: villages of the focus countries stay places, and
    // villages of one country named together speak for each other.
    assert_eq!(
        surfaces("Tessit, Ansongo et Ménaka sont menacés."),
        vec!["Tessit", "Ansongo", "Ménaka"]
    );
    assert_eq!(
        surfaces("Gorom-Gorom a reçu des déplacés."),
        vec!["Gorom-Gorom"]
    );
    // "Inata", a Burkinabè village the gazetteer lacks, is not Japan's
    // Inada (whose alternate name it is).
    let found = places("Inata : 53 gendarmes tués. Djibo sous blocus.");
    assert!(
        found.iter().all(|p| p.country.as_deref() == Some("BF")),
        "{found:?}"
    );
}

#[test]
fn a_function_word_after_a_common_word_town() {
    // "San" is a common word and a town of 100,000; "et" tells nothing.
    assert_eq!(
        surfaces("À San et à Kati, le calme est revenu."),
        vec!["San", "Kati"]
    );
    // A village named like a common word needs more than "in".
    assert!(surfaces("The bill passed in Congress and the Senate.").is_empty());
}

/// The place read at `surface` in `text`, if any: (name, country, kind).
fn reading(text: &str, surface: &str) -> Option<(String, Option<String>, MentionKind)> {
    places(text)
        .into_iter()
        .find(|p| &*p.surface == surface)
        .map(|p| (p.name.to_string(), p.country.map(|c| c.to_string()), p.kind))
}

#[test]
fn every_name_of_a_list_with_a_plural_region_head_is_a_region() {
    let kinds = |text: &str| -> Vec<(String, String)> {
        places(text)
            .iter()
            .map(|p| (p.surface.to_string(), p.kind.as_str().to_owned()))
            .collect()
    };
    let region = |name: &str| (name.to_owned(), "region".to_owned());
    assert_eq!(
        kinds("Rights groups documented killings in Ségou and Timbuktu regions."),
        [region("Ségou"), region("Timbuktu")]
    );
    assert_eq!(
        kinds("Attacks rose in the Mopti, Ségou and Timbuktu regions last year."),
        [region("Mopti"), region("Ségou"), region("Timbuktu")]
    );
    assert_eq!(
        kinds("Des attaques ont visé les régions de Mopti et de Tombouctou."),
        [region("Mopti"), region("Tombouctou")]
    );
    // No list, or another head: the towns stay towns.
    let town = |name: &str| (name.to_owned(), "city".to_owned());
    assert_eq!(
        kinds("Trucks left Mopti and reached Timbuktu. Regions suffer."),
        [town("Mopti"), town("Timbuktu")]
    );
    assert_eq!(
        kinds("Fighting spread between the Mopti and Timbuktu markets."),
        [town("Mopti"), town("Timbuktu")]
    );
}

#[test]
fn a_country_is_not_the_metropolis_named_after_it_in_full() {
    // Benin City is known as "Benin" too; in a report that names Nigeria,
    // "Benin" alone is still the country, as "Mexico" is beside Guatemala.
    for (text, surface, country) in [
        (
            "Floods hit Nigeria. Supplies came from Benin.",
            "Benin",
            "BJ",
        ),
        (
            "Floods hit Nigeria. The WFP trucked food from Cotonou in Benin.",
            "Benin",
            "BJ",
        ),
        ("Talks in Mexico and Guatemala ended.", "Mexico", "MX"),
    ] {
        assert_eq!(
            reading(text, surface),
            Some((
                surface.to_owned(),
                Some(country.to_owned()),
                MentionKind::Country
            )),
            "{text}"
        );
    }
    // Named in full, the city is the city.
    assert_eq!(
        reading("Protests spread to Benin City, Nigeria.", "Benin City").map(|r| r.1),
        Some(Some("NG".to_owned()))
    );
}

#[test]
fn burkina_fasos_regions_by_their_french_and_english_names() {
    let bf = Some("BF".to_owned());
    for (text, surface, name) in [
        (
            "Le gouverneur de la région du Centre-Nord, au Burkina Faso, est à Kaya.",
            "Centre-Nord",
            "Centre-Nord",
        ),
        (
            "Attacks rose in Burkina Faso's East region, around Fada N'Gourma.",
            "East",
            "Est",
        ),
        (
            "Au Burkina Faso, la région de la Boucle du Mouhoun a été frappée.",
            "Boucle du Mouhoun",
            "Boucle du Mouhoun",
        ),
        (
            "Au Burkina Faso, le gouverneur de la région du Sahel est basé à Dori.",
            "Sahel",
            "Sahel",
        ),
    ] {
        assert_eq!(
            reading(text, surface),
            Some((name.to_owned(), bf.clone(), MentionKind::Region)),
            "{text}"
        );
    }
    // Its provinces after "du": "la province du Soum".
    let soum = reading(
        "Djibo, chef-lieu de la province du Soum, au Burkina Faso.",
        "Soum",
    );
    assert_eq!(
        soum.map(|(_, c, k)| (c, k)),
        Some((bf, MentionKind::Region))
    );
}

#[test]
fn the_sahel_alone_is_the_belt_even_in_a_report_on_burkina_faso() {
    for text in [
        "Burkina Faso's army said the insurgency spreading across the Sahel had reached the east.",
        "L'armée du Burkina Faso affirme que l'insurrection gagne tout le Sahel.",
    ] {
        assert_eq!(
            reading(text, "Sahel").map(|(name, country, _)| (name, country)),
            Some(("Sahel".to_owned(), None)),
            "{text}"
        );
    }
}

#[test]
fn a_dateline_written_as_a_name_is_a_town() {
    for text in [
        "Tombouctou, 2 octobre (RFI) - Les prix ont flambé au Mali.",
        "Mopti (AFP) - Les prix ont flambé au Mali.",
    ] {
        let found = places(text);
        let first = found.first().unwrap_or_else(|| panic!("{text}: nothing"));
        assert_eq!(first.kind, MentionKind::City, "{text}: {found:?}");
    }
}

#[test]
fn a_lake_or_a_river_is_not_the_country_named_after_it() {
    for (text, surface) in [
        ("Boko Haram attaque autour du lac Tchad, au Niger.", "Tchad"),
        ("Fighters crossed Lake Chad into Niger.", "Chad"),
        (
            "Le bateau reliait Mopti à Gao sur le fleuve Niger.",
            "Niger",
        ),
        ("Boats on the Niger River link Mopti and Gao.", "Niger"),
        // A part of the river: its delta, its bend, its banks, its valley.
        (
            "Les combats ont gagné le delta intérieur du Niger, près de Mopti.",
            "Niger",
        ),
        ("La boucle du Niger, entre Gao et Tombouctou.", "Niger"),
        ("Les rives du Niger ont été inondées à Niamey.", "Niger"),
        ("La vallée du Sénégal, à Matam.", "Sénégal"),
        ("Herders in the Niger bend near Gao.", "Niger"),
        (
            "Jihadists hold the Inner Niger Delta around Mopti.",
            "Niger",
        ),
    ] {
        assert_eq!(reading(text, surface), None, "{text}");
    }
    // The country itself is still read beside such a word elsewhere.
    assert!(reading("Le lac est loin. Le Niger a fermé sa frontière.", "Niger").is_some());
    assert!(reading("Le président du Niger est à Bamako.", "Niger").is_some());
    assert!(reading("La crise du Niger inquiète la Cedeao.", "Niger").is_some());
}

/// A capitalised word that names a part makes a macro-region's name
/// another's: the Inner Niger Delta is in Mali, the Niger Delta in
/// Nigeria; a compass word does not ("the Central Sahel").
#[test]
fn a_part_word_before_a_macro_region_makes_it_another_place() {
    let found = surfaces("Jihadists hold the Inner Niger Delta and the Central Sahel.");
    assert_eq!(found, ["Sahel"]);
    let found = surfaces("Oil spills in the Niger Delta.");
    assert_eq!(found, ["Niger Delta"]);
}

#[test]
fn a_lake_named_with_its_word_is_the_lake() {
    let found = places("Boko Haram fighters raided islands of Lake Chad, near Diffa.");
    let lake = found
        .iter()
        .find(|p| &*p.surface == "Lake Chad")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(lake.kind, MentionKind::Other);
    assert_eq!(&*lake.name, "Lake Chad");
    // Its point lies in the lake's basin, not at Chad's centre.
    assert!(
        (12.0..15.0).contains(&lake.lat) && (13.0..15.5).contains(&lake.lon),
        "{lake:?}"
    );
}

#[test]
fn a_village_abroad_does_not_vouch_for_its_own_country() {
    // A name with one reading abroad ("Karma", a village of India; "Ber",
    // an alternate name of Véroia in Greece) in a report on another
    // country, even after "in" or "around": the article's village is one
    // the gazetteer lacks.
    for (text, surface) in [
        (
            "Gunmen killed 20 people in Karma, a village of northern Burkina Faso, the army said.",
            "Karma",
        ),
        (
            "Fighting was reported around Ber, a village near Timbuktu in Mali.",
            "Ber",
        ),
    ] {
        // Not the namesake abroad: nothing, or the village the gazetteer
        // lacks, put beside the place the text puts it near.
        let found = places(text);
        let mention = found.iter().find(|p| &*p.surface == surface);
        assert!(
            mention.is_none_or(|p| p.unlisted && p.country.as_deref() == Some("ML")),
            "{text}: {found:?}"
        );
    }
    // Two villages of one country speak for each other: Creston is also a
    // larger village of Iowa.
    let text = "The road from Creston to Castlegar was closed by snow on Tuesday.";
    for surface in ["Creston", "Castlegar"] {
        assert_eq!(
            reading(text, surface).and_then(|(_, country, _)| country),
            Some("CA".to_owned()),
            "{surface}"
        );
    }
}

#[test]
fn cote_divoire_with_either_apostrophe_and_a_country_after_a_participle() {
    for text in [
        "La Côte d'Ivoire a fermé sa frontière avec le Burkina Faso.",
        "Refugees crossed into Côte d’Ivoire from Burkina Faso.",
    ] {
        assert!(
            places(text)
                .iter()
                .any(|p| p.country.as_deref() == Some("CI")),
            "{text}"
        );
    }
    let found = surfaces("Bordering Mali, Niger and Burkina Faso, Algeria closed its border.");
    assert!(found.contains(&"Mali".to_owned()), "{found:?}");
    let found = surfaces("Neighbouring Senegal and Guinea stepped up security.");
    assert!(found.contains(&"Senegal".to_owned()), "{found:?}");
}

#[test]
fn a_small_town_far_from_every_other_place_named_is_a_namesake() {
    // Solhan is also a town of 15,000 people in Turkey; the report names
    // only places of the Sahel.
    let text = "Plus de 130 civils ont été tués à Solhan, près de Sebba, \
                dans le nord-est du Burkina Faso, non loin du Niger.";
    // Not the Turkish town: the village the gazetteer lacks, near Sebba.
    let found = places(text);
    let solhan = found.iter().find(|p| &*p.surface == "Solhan");
    assert!(
        solhan.is_some_and(|p| p.unlisted && &*p.name == "Sebba"),
        "{found:?}"
    );
    // Beside its country, it stays.
    let text = "Solhan, a town in eastern Turkey near Bingöl, was shaken by an earthquake.";
    assert_eq!(
        reading(text, "Solhan").and_then(|(_, country, _)| country),
        Some("TR".to_owned())
    );
}

#[test]
fn a_town_named_by_an_exonym_is_not_outranked_by_its_region() {
    // "Tombouctou" is an alternate name of both Timbuktu and its region:
    // neither bears it, and the town keeps its weight.
    let text = "Au Mali, selon un commerçant de Tombouctou, les camions ne passent plus.";
    assert_eq!(
        reading(text, "Tombouctou").map(|(_, _, kind)| kind),
        Some(MentionKind::City)
    );
    // With a head, the region.
    let text = "Au Mali, la région de Tombouctou est sous blocus.";
    assert_eq!(
        reading(text, "Tombouctou").map(|(_, _, kind)| kind),
        Some(MentionKind::Region)
    );
}

/// The unlisted mention of `surface` in `text`: the place it is put at.
fn unlisted_at(text: &str, surface: &str) -> Option<String> {
    places(text)
        .into_iter()
        .find(|p| &*p.surface == surface && p.unlisted)
        .map(|p| {
            assert!(p.is_uncertain(), "marked as in doubt: {p:?}");
            assert_eq!(p.kind, MentionKind::City, "{p:?}");
            p.name.to_string()
        })
}

/// Each (text, name, place): the name is unlisted, placed at the place.
fn assert_placed_at(cases: &[(&str, &str, &str)]) {
    for &(text, surface, at) in cases {
        let found = places(text);
        assert_eq!(
            unlisted_at(text, surface).as_deref(),
            Some(at),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_village_the_gazetteer_lacks_is_put_at_the_place_the_text_puts_it_near() {
    // In or near a named place, in English and French (the villages'
    // names are made up: the gazetteer has none of them).
    assert_placed_at(&[
        (
            "Gunmen attacked an army post at Kobadié, in the Tillabéri region, on Sunday.",
            "Kobadié",
            "Tillabéri",
        ),
        (
            "Dozens were killed in Toumbalé, in Burkina Faso's northern Soum province.",
            "Toumbalé",
            "Soum",
        ),
        (
            "Un drone a frappé près de Tindiga, au sud de Kidal, selon l'armée.",
            "Tindiga",
            "Kidal",
        ),
        (
            "Les combats ont repris à Ouassadou, à une trentaine de kilomètres de Ménaka.",
            "Ouassadou",
            "Ménaka",
        ),
        (
            "Soldiers patrolled the village of Tinabaw, near Gao, after the attack.",
            "Tinabaw",
            "Gao",
        ),
        // A town's word in the phrase makes it a place after any word.
        (
            "L'armée a repris le contrôle de Tindirma, localité située à une cinquantaine \
             de kilomètres au sud de Tombouctou.",
            "Tindirma",
            "Timbuktu",
        ),
        // A list of names before the phrase.
        (
            "Gunmen killed 60 people in Kobadié, Tanzak and Wirgan, villages of the Tillia \
             department.",
            "Tanzak",
            "Tillia",
        ),
        // What the town is, besides its word.
        (
            "The men were detained in Tindiga, a river town in the Tenenkou cercle.",
            "Tindiga",
            "Ténenkou",
        ),
        (
            "Ils ont attaqué Tindirma, une localité fluviale située à 40 km de Niafunké.",
            "Tindirma",
            "Niafunké",
        ),
        // Between two places, at the first; facing one.
        (
            "Un habitant de Koudiéré, une commune située entre Kayes et Nioro, a témoigné.",
            "Koudiéré",
            "Kayes",
        ),
        (
            "À Tanaga, poste frontalier en face de Kidira, la douane a brûlé.",
            "Tanaga",
            "Kidira",
        ),
        // A list whose items have their particle, before a phrase that
        // counts them.
        (
            "L'armée a repris le contrôle de Tanzak et de Wirgan, deux localités de la \
             Tapoa, après des frappes.",
            "Tanzak",
            "Tapoa",
        ),
        (
            "L'armée a repris le contrôle de Tanzak et de Wirgan, deux localités de la \
             Tapoa, après des frappes.",
            "Wirgan",
            "Tapoa",
        ),
    ]);
}

#[test]
fn a_regions_villages_and_units_and_a_name_near_one_in_another_are_placed() {
    assert_placed_at(&[
        // A region's villages, listed after their word.
        (
            "Au Burkina Faso, dans la province du Bam, l'armée a repris plusieurs villages, \
             dont Tanzak et Wirgan.",
            "Wirgan",
            "Bam",
        ),
        (
            "In the Tillabéri region, gunmen attacked the villages of Tanzak and Wirgan.",
            "Tanzak",
            "Tillabéri",
        ),
        // A unit below a region, before its region.
        (
            "The attack took place in the Tanzak prefecture of the Savanes region.",
            "Tanzak",
            "Savanes",
        ),
        (
            "Des élus de la commune de Tanzak ont rencontré le gouverneur de la région de \
             Mopti.",
            "Tanzak",
            "Mopti",
        ),
        // Near a name, in a place, without a comma.
        (
            "A rebel group said it sabotaged the pipeline near Tesker in Zinder.",
            "Tesker",
            "Zinder",
        ),
        ("Des combats près de Tanzak dans le Soum.", "Tanzak", "Soum"),
        // An island of a lake, in its region.
        (
            "Une base de l'île de Tanzak, dans la province du Lac, a été attaquée.",
            "Tanzak",
            "Lac",
        ),
        // Villages after "such as", "comme", "tels que".
        (
            "In the Tillabéri region, gunmen burned villages such as Tanzak and Wirgan.",
            "Wirgan",
            "Tillabéri",
        ),
        (
            "Dans la région de Mopti, des villages comme Tanzak ont été vidés.",
            "Tanzak",
            "Mopti",
        ),
        (
            "Dans la province du Bam, des localités telles que Tanzak et Wirgan sont vides.",
            "Tanzak",
            "Bam",
        ),
        // Their region named in the sentence before, in the paragraph.
        (
            "Djibo, the capital of Soum province, has been cut off since 2022. Its \
             population has tripled as people fled nearby villages such as Tanzak.",
            "Tanzak",
            "Soum",
        ),
    ]);
}

#[test]
fn villages_whose_paragraph_names_no_region_before_them_are_not_placed() {
    // The region is in another paragraph: too far to vouch for the villages.
    let text = "In the Soum province, the army is fighting.\n\nPeople fled villages \
                such as Tanzak.";
    assert_eq!(unlisted_at(text, "Tanzak"), None);
}

#[test]
fn a_village_in_a_list_of_towns_is_put_at_the_nearest_of_them() {
    let text = "Des milliers de déplacés, venus d'Arbinda, de Koudiéré et de Namssiguia, \
                sont arrivés à Kaya.";
    assert_eq!(unlisted_at(text, "Koudiéré").as_deref(), Some("Aribinda"));
    assert_eq!(unlisted_at(text, "Namssiguia").as_deref(), Some("Aribinda"));
    // Where people go.
    let text = "Des milliers de déplacés ont rejoint Mopti et Fatoma en une semaine.";
    assert_eq!(unlisted_at(text, "Fatoma").as_deref(), Some("Mopti"));
    let text = "Thousands fled to Mopti and Fatoma, the governor said.";
    assert_eq!(unlisted_at(text, "Fatoma").as_deref(), Some("Mopti"));
    // "à" before each item.
    let text = "Les routes qui relient Djibo à Tanzak et à Arbinda sont minées.";
    assert_eq!(unlisted_at(text, "Tanzak").as_deref(), Some("Aribinda"));
    let text = "Le blocus touche plusieurs villes, dont Douentza, Tanaga et Mopti.";
    assert_eq!(unlisted_at(text, "Tanaga").as_deref(), Some("Douentza"));
    // Towns the gazetteer has are theirs.
    let found = places("Le blocus touche plusieurs villes, dont Douentza, Mopti et Ségou.");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|p| !p.unlisted), "{found:?}");
}

#[test]
fn a_village_placed_two_ways_takes_the_surer_place_everywhere() {
    // The list puts Tanaga at the town listed before it (Nioro, 200 km
    // away); the phrase after its second mention beside Kidira, which it
    // faces. Both mentions are one place: beside Kidira.
    let text = "Des jihadistes ont attaqué plusieurs villes, dont Kayes, Nioro du Sahel et \
                Tanaga, à la frontière. À Tanaga, poste frontalier en face de Kidira, des \
                postes ont brûlé.";
    let found = places(text);
    let tanaga: Vec<_> = found.iter().filter(|p| &*p.surface == "Tanaga").collect();
    assert_eq!(tanaga.len(), 2, "{found:?}");
    assert!(
        tanaga.iter().all(|p| p.unlisted && &*p.name == "Kidira"),
        "{found:?}"
    );
}

#[test]
fn a_towns_quarters_are_put_at_the_town() {
    for (text, quarters, town) in [
        (
            "Des tirs ont été entendus dans le quartier de Hamdallaye, à Bamako.",
            &["Hamdallaye"][..],
            "Bamako",
        ),
        (
            "À Bamako, les quartiers de Kalaban Coura et de Sébénikoro ont été inondés.",
            &["Kalaban Coura", "Sébénikoro"],
            "Bamako",
        ),
        (
            "Gunfire in the Badalabougou neighbourhood of Bamako.",
            &["Badalabougou"],
            "Bamako",
        ),
        // Saga has namesakes in Japan and China: the head says it is a
        // quarter of the town the sentence names.
        (
            "In Niamey, water reached homes in the Saga and Lamordé districts.",
            &["Saga", "Lamordé"],
            "Niamey",
        ),
    ] {
        for quarter in quarters {
            assert_eq!(
                unlisted_at(text, quarter).as_deref(),
                Some(town),
                "{text}: {:?}",
                places(text)
            );
        }
    }
    // A town of the same country keeps its reading; a town alone after the
    // head is the town.
    for (text, kept) in [
        (
            "Gunmen attacked the Ansongo district, south of Gao.",
            "Ansongo",
        ),
        (
            "Le district de Bamako compte deux millions d'habitants.",
            "Bamako",
        ),
        (
            "The neighbourhood of Bamako where he lived was calm.",
            "Bamako",
        ),
    ] {
        let found = places(text);
        assert!(
            found
                .iter()
                .any(|p| &*p.surface == kept && &*p.name == kept && !p.unlisted),
            "{text}: {found:?}"
        );
        assert!(found.iter().all(|p| !p.unlisted), "{text}: {found:?}");
    }
}

#[test]
fn a_compass_word_before_a_country_that_has_such_a_region_is_that_region() {
    for (text, region, country) in [
        (
            "Les routes qui partent de Fada N'Gourma, chef-lieu de l'Est du Burkina Faso, \
             sont désertes.",
            "Est",
            "BF",
        ),
        ("The East of Burkina Faso is cut off.", "Est", "BF"),
        ("Des combats dans le Nord du Cameroun.", "Nord", "CM"),
    ] {
        assert_region_found(text, country, |p| &*p.name == region);
    }
    // Mali has no region named so; a compass word alone stays a word.
    for text in [
        "Des combats dans l'Est du Mali.",
        "L'Est est calme, a dit le ministre du Burkina Faso.",
    ] {
        let found = places(text);
        assert!(
            found.iter().all(|p| p.kind != MentionKind::Region),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_regions_name_is_read_as_news_spell_it() {
    // GeoNames: "Western Darfur", "Hodh ech Chargui".
    for (text, surface, country) in [
        (
            "Others fled El Geneina, the capital of West Darfur.",
            "West Darfur",
            "SD",
        ),
        (
            "Le camp de Mbera, dans le Hodh el-Chargui, accueille des réfugiés.",
            "Hodh el-Chargui",
            "MR",
        ),
    ] {
        assert_region_found(text, country, |p| &*p.surface == surface);
    }
}

/// The text has a mention of a region of `country` that `is_it`.
fn assert_region_found(text: &str, country: &str, is_it: impl Fn(&PlaceMention) -> bool) {
    let found = places(text);
    assert!(
        found.iter().any(|p| is_it(p)
            && p.kind == MentionKind::Region
            && p.country.as_deref() == Some(country)),
        "{text}: {found:?}"
    );
}

#[test]
fn a_name_after_a_verb_of_leading_and_by_is_a_person() {
    let text = "Les assaillants sont de la faction dirigée par Bakura, près de Diffa.";
    assert_eq!(surfaces(text), ["Diffa"]);
    let text = "The group, led by Bakura, attacked Diffa.";
    assert_eq!(surfaces(text), ["Diffa"]);
    // A country leads a force.
    let text = "A force led by Chad fought in Diffa.";
    assert_eq!(surfaces(text), ["Chad", "Diffa"]);
}

#[test]
fn a_towns_opening_n_is_read_with_or_without_its_apostrophe() {
    // GeoNames writes "Nguigmi"; French news "N'Guigmi".
    for text in [
        "Des habitants venus de N'Guigmi ont fui.",
        "Des habitants venus de Nguigmi ont fui.",
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|p| &*p.name == "Nguigmi" && !p.unlisted),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_name_after_a_companys_word_is_the_companys() {
    let text = "The French nuclear group Orano lost control of its mine in Arlit, Niger.";
    assert_eq!(surfaces(text), ["Arlit", "Niger"]);
    let text = "Le groupe Orano a perdu le contrôle de la mine d'Arlit.";
    assert_eq!(surfaces(text), ["Arlit"]);
    // Not a company's word in a name: "Gao" after "Group" is read as ever.
    let text = "The Wagner Group left Gao in June.";
    assert_eq!(surfaces(text), ["Gao"]);
}

#[test]
fn a_placed_village_is_placed_again_wherever_the_text_names_it() {
    let text = "Attack on Tassourou kills 20\n\n\
                Gunmen killed 20 civilians in Tassourou, near Djibo, on Saturday. \
                Survivors of Tassourou fled to Djibo.";
    let found = places(text);
    let tassourou: Vec<_> = found
        .iter()
        .filter(|p| &*p.surface == "Tassourou")
        .collect();
    assert_eq!(tassourou.len(), 3, "{found:?}");
    assert!(tassourou.iter().all(|p| p.unlisted && &*p.name == "Djibo"));
}

#[test]
fn no_unlisted_place_without_a_word_that_introduces_it_or_a_place_beside_it() {
    for text in [
        // Not after a place word: a subject, an organisation.
        "Smith, near London, said the talks would resume.",
        "He works at Reuters, in London, as an editor.",
        // A month, a given name, a common word.
        "The vote was held in January, near Gao, in the end.",
        "Rain fell in Kevin, near Gao.",
        "They met in Council, near Gao.",
        // Football clubs are no list of towns.
        "Chelsea, Arsenal and Liverpool all won on Saturday.",
        // A list of countries is not one of villages.
        "Troops from Chad, Niger and Tanzaki took part.",
        // Near a country: too vague to place anything.
        "They fled from Toumbalé, near Burkina Faso, last year.",
        // Acronyms.
        "Attacks in JNIM, near Gao, rose.",
        // Several names without "and" are no list.
        "They fled Kobadié, Tanzak, villages of the Tillia department.",
        // A village beside a town, not a region: the town may be far.
        "Gunmen from the village of Tanzak attacked Gao.",
        // "at" or "from" before "in": an employer, a source.
        "A reporter at Reuters in Dakar said.",
        "A man from Tanzak in London wrote.",
        // A capitalised head is a name's: an office, not a unit.
        "The Montana Department of Corrections director said so.",
    ] {
        let found = places(text);
        assert!(!found.iter().any(|p| p.unlisted), "{text}: {found:?}");
    }
}

#[test]
fn a_region_its_head_names_is_a_region_though_the_text_writes_the_word_in_lower_case() {
    let text = "Burkina Faso's east borders Niger. The attack took place in the East region.";
    let found = places(text);
    assert!(
        found
            .iter()
            .any(|p| &*p.surface == "East" && &*p.name == "Est" && p.kind == MentionKind::Region),
        "{found:?}"
    );
    // Without its head, the word is the text's ordinary word.
    let found = places("Burkina Faso's east borders Niger. East of the capital, roads are closed.");
    assert!(!found.iter().any(|p| &*p.surface == "East"), "{found:?}");
}

#[test]
fn a_town_near_the_places_read_without_doubt_outranks_its_bigger_namesakes() {
    // Gainesville, Florida has 145,000 people; the one of Virginia 11,000,
    // beside Manassas.
    for (text, surface, lat) in [
        (
            "Traffic was heavy near Gainesville after a crash in Manassas, Virginia, police said.",
            "Gainesville",
            38.8,
        ),
        (
            "Flooding closed roads between Lafayette and Opelousas, Louisiana officials said.",
            "Lafayette",
            30.2,
        ),
    ] {
        let found = places(text);
        let town = found
            .iter()
            .find(|p| &*p.surface == surface)
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert!((town.lat - lat).abs() < 0.2, "{text}: {town:?}");
    }
}

#[test]
fn a_place_known_only_by_its_airfield_is_a_town() {
    // OurAirports' "Barsalogho Airport" and "Léré Heliport": towns
    // GeoNames lacks, at their airfield's point.
    for (text, surface, country) in [
        (
            "Des civils ont été tués à Barsalogho, au Burkina Faso.",
            "Barsalogho",
            "BF",
        ),
        (
            "Au Mali, les jihadistes assiègent Léré depuis des mois.",
            "Léré",
            "ML",
        ),
    ] {
        let found = places(text);
        let town = found
            .iter()
            .find(|p| &*p.surface == surface)
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(town.country.as_deref(), Some(country), "{text}: {town:?}");
        assert_eq!(town.kind, MentionKind::City, "{town:?}");
        assert!(!town.unlisted, "{town:?}");
    }
    // Joined spellings of names of several words: "Bani Bangou".
    let found = places("Des militaires ont été tués à Banibangou, au Niger.");
    assert!(
        found
            .iter()
            .any(|p| &*p.surface == "Banibangou" && &*p.name == "Bani Bangou"),
        "{found:?}"
    );
}

/// Regions named in one list are of one country: "du Poni et de la Comoé"
/// are two provinces of Burkina Faso even in a report on Côte d'Ivoire,
/// which has a Comoé district too. A name joined to another by more than
/// list words keeps its own reading.
#[test]
fn regions_of_one_list_are_of_one_country() {
    let komoe = Some((
        "Komoé".to_owned(),
        Some("BF".to_owned()),
        MentionKind::Region,
    ));
    for text in [
        "Côte d'Ivoire : à Korhogo et à Abidjan, les autorités accueillent des réfugiés. \
         Beaucoup viennent des provinces du Poni et de la Comoé, dans le sud-ouest du \
         Burkina. L'armée ivoirienne patrouille près de Bouna.",
        "Refugees came from the Comoé and Poni provinces, officials in Abidjan and Korhogo said.",
        "Réfugiés de la Comoé, du Poni, selon Abidjan et Korhogo.",
    ] {
        assert_eq!(reading(text, "Comoé"), komoe, "{text}");
    }
    // Not a list: in a report on Côte d'Ivoire, "la Comoé" after a colon
    // stays the Ivorian district, whatever the province named later.
    let apart = "Abidjan, Korhogo, Bouna et Aboisso : la Comoé est en crue. Le Poni aussi, \
                 au Burkina.";
    assert_eq!(
        reading(apart, "Comoé").and_then(|(_, country, _)| country),
        Some("CI".to_owned())
    );
}

/// A compass word after an article, capitalised as a region's name is, is
/// that region of the country the article is about (the first it names):
/// "Burkina Faso : dans l'Est" is Burkina Faso's Est region. Of another
/// country, or of one without such a region, it is no place: "Côte
/// d'Ivoire : dans le Nord, … le Burkina" is not Burkina Faso's Nord, and
/// "l'Ouest" of a report on Mali is the Western world.
#[test]
fn a_compass_region_after_an_article_is_the_articles_countrys() {
    let est = Some(("Est".to_owned(), Some("BF".to_owned()), MentionKind::Region));
    for (text, surface) in [
        (
            "Burkina Faso : dans l'Est, Fada N'Gourma accueille des déplacés.",
            "Est",
        ),
        (
            "Burkina: in the East, Fada N'Gourma is full of displaced people.",
            "East",
        ),
    ] {
        assert_eq!(reading(text, surface), est, "{text}");
    }
    for (text, surface) in [
        (
            "Côte d'Ivoire : dans le Nord, la frontière avec le Burkina Faso. Ouagadougou \
             et Bobo-Dioulasso, au Burkina.",
            "Nord",
        ),
        (
            "Mali : les relations avec l'Ouest se dégradent, dit Bamako.",
            "Ouest",
        ),
    ] {
        assert_eq!(reading(text, surface), None, "{text}");
    }
}

/// Regions of the neighbourhood that group admin-1 units and that news
/// name by themselves: Sudan's Darfur and Kordofan, Spain's Canary Islands
/// (Natural Earth's `region` field, in Africa's box).
#[test]
fn historical_regions_of_the_neighbourhood_are_found() {
    for (text, surface, name, country) in [
        (
            "Sudanese refugees keep arriving in Adre as fighting rages in Darfur.",
            "Darfur",
            "Darfur",
            "SD",
        ),
        (
            "The army retook towns in Kordofan, near El Obeid.",
            "Kordofan",
            "Kordofan",
            "SD",
        ),
        (
            "Boats left Nouadhibou for the Canary Islands.",
            "Canary Islands",
            "Canary Islands",
            "ES",
        ),
    ] {
        assert_eq!(
            reading(text, surface),
            Some((
                name.to_owned(),
                Some(country.to_owned()),
                MentionKind::Region
            )),
            "{text}"
        );
    }
}
