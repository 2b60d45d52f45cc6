//! Dossiers over the embedded seed articles.

use std::sync::OnceLock;

use dispatch_atlas::articles::Article;
use dispatch_atlas::atlas::Atlas;
use dispatch_atlas::dossier::analysis::Corpus;
use dispatch_atlas::dossier::{Dossier, Via, dossier};
use dispatch_atlas::geoparse::gazetteer::Gazetteer;

fn world() -> &'static (Atlas, Corpus) {
    static WORLD: OnceLock<(Atlas, Corpus)> = OnceLock::new();
    WORLD.get_or_init(|| {
        let atlas = Atlas::load_embedded().unwrap_or_else(|e| panic!("atlas: {e}"));
        let gazetteer = Gazetteer::load_embedded(&atlas.zone_names())
            .unwrap_or_else(|e| panic!("gazetteer: {e}"));
        let corpus = Corpus::analyse(&gazetteer, Article::embedded());
        (atlas, corpus)
    })
}

fn dossier_of(name: &str) -> Dossier {
    let (atlas, corpus) = world();
    let feature = atlas
        .find_by_name(name)
        .unwrap_or_else(|| panic!("no feature {name}"));
    dossier(feature, corpus)
}

fn sentences(d: &Dossier) -> Vec<&str> {
    d.articles
        .iter()
        .flat_map(|a| a.excerpts.iter().map(|e| e.text.as_str()))
        .collect()
}

#[test]
fn menakas_dossier_has_the_seed_sentences_about_menaka() {
    let d = dossier_of("Ménaka");
    assert_eq!(d.articles.len(), 2, "both reports mention Ménaka");
    let all = sentences(&d);
    assert!(
        all.iter()
            .any(|s| s.starts_with("A French army legionnaire was killed in a clash"))
    );
    assert!(
        all.iter()
            .any(|s| s.starts_with("Ménaka is a key strategic region"))
    );
    assert!(all.iter().any(|s| s.contains("Mali’s Menaka region")));
    assert_eq!(
        d.articles[0].outlet.as_deref(),
        Some("International Insider")
    );
    // The highlighted span is the mention itself.
    let excerpt = &d.articles[1].excerpts[0];
    let m = &excerpt.mentions[0];
    assert_eq!(
        excerpt
            .text
            .chars()
            .skip(m.start)
            .take(m.end - m.start)
            .collect::<String>(),
        "Menaka"
    );
    assert_eq!(m.via, Via::Direct);
}

#[test]
fn the_zone_rolls_up_menaka_and_gao() {
    let d = dossier_of("three-borders zone");
    let all = sentences(&d);
    assert!(all.iter().any(|s| s.contains("Ménaka")), "{all:?}");
    assert!(
        all.iter()
            .any(|s| s.contains("evacuated by helicopter to Gao")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|s| s.contains("so-called three borders region")),
        "{all:?}"
    );
    let inside = d
        .articles
        .iter()
        .flat_map(|a| &a.excerpts)
        .flat_map(|e| &e.mentions)
        .filter(|m| m.via == Via::Inside)
        .count();
    assert!(inside >= 3, "Ménaka and Gao come in through the outline");
}

#[test]
fn malis_dossier_includes_everything_in_mali() {
    let d = dossier_of("Mali");
    let all = sentences(&d);
    assert!(all.iter().any(|s| s.contains("Gao in northern Mali")));
    assert!(
        all.iter()
            .any(|s| s.starts_with("Ménaka is a key strategic region")),
        "Ménaka lies in Mali"
    );
    let values: Vec<f64> = d.figures().map(|(_, f)| f.figure.value).collect();
    assert!(
        values.contains(&43.0) && values.contains(&21.0),
        "{values:?}"
    );
}

#[test]
fn a_number_both_sources_give_is_corroborated() {
    let d = dossier_of("Sahel");
    let (_, forty_three) = d
        .figures()
        .find(|(_, f)| (f.figure.value - 43.0).abs() < 1e-9)
        .unwrap_or_else(|| panic!("43 in the Sahel dossier"));
    assert_eq!(forty_three.figure.unit.as_deref(), Some("soldiers"));
    assert_eq!(
        forty_three.corroborated_by.len(),
        1,
        "the other seed also gives 43"
    );
    let (_, change) = d
        .figures()
        .find(|(_, f)| (f.figure.value - 4500.0).abs() < 1e-9)
        .unwrap_or_else(|| panic!("4,500"));
    assert_eq!(change.figure.change, Some((4500.0, 5100.0)));
}

#[test]
fn a_french_report_corroborates_the_english_ones_and_a_toll_is_not_a_strength() {
    let (atlas, _) = world();
    let gazetteer =
        Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("gazetteer: {e}"));
    let mut articles = Article::embedded();
    articles.push(Article::parse(
        "fr-probe",
        "title: Un légionnaire tué au Mali\nlanguage: fr\n\n\
         Avec ce décès, 43 militaires français ont été tués au Sahel depuis 2013. \
         L'armée malienne a dit que deux soldats sont morts près de Gao.",
    ));
    let corpus = Corpus::analyse(&gazetteer, articles);
    let sahel = atlas
        .find_by_name("Sahel")
        .unwrap_or_else(|| panic!("no Sahel"));
    let d = dossier(sahel, &corpus);
    let (_, forty_three_fr) = d
        .figures()
        .find(|(_, f)| f.figure.unit.as_deref() == Some("militaires"))
        .unwrap_or_else(|| panic!("43 militaires"));
    assert_eq!(
        forty_three_fr.corroborated_by.len(),
        2,
        "both English seeds give 43 soldiers killed"
    );
    // The seeds' 5,100 soldiers (a strength) is no other value of this toll.
    assert!(
        forty_three_fr
            .differs_from
            .iter()
            .all(|o| (o.value - 5100.0).abs() > 1e-9),
        "{:?}",
        forty_three_fr.differs_from
    );
}

#[test]
fn a_feature_no_article_mentions_has_an_empty_dossier() {
    let d = dossier_of("Agadez");
    assert!(d.is_empty() && d.articles.is_empty());
}

#[test]
fn a_village_the_gazetteer_lacks_comes_into_the_dossier_of_the_place_it_is_near() {
    let (atlas, _) = world();
    let gazetteer =
        Gazetteer::load_embedded(&atlas.zone_names()).unwrap_or_else(|e| panic!("gazetteer: {e}"));
    let article = Article::parse(
        "kobadie",
        "title: Attack near Tillabéri\n\n\
         Gunmen attacked an army post at Kobadié, in the Tillabéri region, on Sunday.\n",
    );
    let corpus = Corpus::analyse(&gazetteer, vec![article]);
    let region = atlas
        .features()
        .iter()
        .find(|f| f.name == "Tillabéri" && f.kind == dispatch_atlas::atlas::FeatureKind::Region)
        .unwrap_or_else(|| panic!("no Tillabéri region"));
    let d = dossier(region, &corpus);
    let mentions: Vec<_> = d
        .articles
        .iter()
        .flat_map(|a| &a.excerpts)
        .flat_map(|e| &e.mentions)
        .collect();
    let near: Vec<&str> = mentions
        .iter()
        .filter(|m| m.via == Via::Near)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(near, ["Kobadié"], "{mentions:?}");
    assert!(
        mentions
            .iter()
            .any(|m| m.surface == "Tillabéri" && m.via == Via::Direct),
        "{mentions:?}"
    );
}
