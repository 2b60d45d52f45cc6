use super::*;

fn values(text: &str) -> Vec<(String, f64, Option<String>)> {
    extract_figures(text)
        .into_iter()
        .map(|f| {
            (
                f.surface.to_string(),
                f.value,
                f.unit.as_deref().map(str::to_owned),
            )
        })
        .collect()
}

fn one(text: &str) -> Figure {
    let mut all = extract_figures(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

#[test]
fn digits_with_english_and_french_grouping() {
    assert_eq!(one("a force of 4,500 soldiers").value, 4500.0);
    assert_eq!(one("une force de 5 100 soldats").value, 5100.0);
    assert_eq!(one("5\u{202f}100 soldats").value, 5100.0);
    assert_eq!(one("4,5 millions d'euros").value, 4.5e6);
}

#[test]
fn number_words_in_both_languages() {
    assert_eq!(one("forty-three soldiers").value, 43.0);
    assert_eq!(one("quarante-trois soldats").value, 43.0);
    assert_eq!(one("quatre-vingt-dix soldats").value, 90.0);
    assert_eq!(one("vingt et un soldats").value, 21.0);
    assert_eq!(one("one hundred and twenty troops").value, 120.0);
    assert_eq!(one("a dozen soldiers").value, 12.0);
    assert_eq!(&*one("une centaine de soldats").surface, "une centaine");
    let vague = one("dozens of civilians");
    assert!(vague.vague && (vague.value - 12.0).abs() < f64::EPSILON);
}

#[test]
fn ages_have_a_unit() {
    let age = one("a 21-year-old member of the Legion");
    assert_eq!(
        (age.surface.as_ref(), age.value, age.unit.as_deref()),
        ("21", 21.0, Some("years of age"))
    );
    let apposition = one("Clément, 21, has been in Mali since February.");
    assert_eq!(apposition.unit.as_deref(), Some("years of age"));
}

#[test]
fn ranges_carry_the_change_and_the_unit() {
    let figures = extract_figures("has recently increased from 4,500 to 5,100 soldiers.");
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].change, Some((4500.0, 5100.0)));
    assert_eq!(figures[1].change, Some((4500.0, 5100.0)));
    assert_eq!(figures[0].unit.as_deref(), Some("soldiers"));
}

#[test]
fn an_earlier_value_takes_the_unit_and_the_change() {
    let figures = extract_figures(
        "France has 5,100 troops in the region under Operation Barkhane, up from 4,500 earlier this year.",
    );
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[1].unit.as_deref(), Some("troops"));
    assert_eq!(figures[0].change, Some((4500.0, 5100.0)));
    assert_eq!(figures[1].change, Some((4500.0, 5100.0)));
    let french = extract_figures("Barkhane compte 5 100 militaires, contre 4 500 en janvier.");
    assert_eq!(french[1].unit.as_deref(), Some("militaires"));
    assert_eq!(french[1].change, Some((4500.0, 5100.0)));
    // Its own unit stays, and unrelated figures are left alone.
    let own = extract_figures("5,100 troops, up from 4,500 soldiers");
    assert_eq!(own[1].unit.as_deref(), Some("soldiers"));
    let apart = extract_figures("Three soldiers died. Up from the valley came 40 men.");
    assert!(apart.iter().all(|f| f.change.is_none()), "{apart:?}");
}

#[test]
fn tolls_and_strengths_are_different_quantities_in_both_languages() {
    let killed_en = one("43 French soldiers have been killed in the Sahel since 2013.");
    let killed_fr = one("43 militaires français ont été tués au Sahel depuis 2013.");
    let deployed = one("France has 5,100 troops deployed in the region.");
    let died = one("Mali's army said two soldiers died near Gao.");
    assert!(killed_en.casualties && killed_fr.casualties && died.casualties);
    assert!(!deployed.casualties);
    assert!(
        killed_en.same_quantity(&killed_fr),
        "soldiers and militaires, both killed"
    );
    assert!(!died.same_quantity(&deployed), "a toll is not a strength");
    let toll = one("the number of French dead in the country since 2013 has increased to 43.");
    assert!(toll.casualties && toll.same_quantity(&killed_en));
    let after_attack = one("After the attack that killed them, France sent 600 troops.");
    assert!(!after_attack.casualties, "another clause");
    let days = one("in three days");
    assert!(!days.same_quantity(&killed_en));
}

#[test]
fn stated_ages_in_both_languages() {
    for text in [
        "The soldier, aged 23, was killed.",
        "Le caporal, âgé de 23 ans, a été tué.",
        "killed at the age of 23",
        "retired at age 23",
    ] {
        let f = one(text);
        assert_eq!(
            (f.value, f.unit.as_deref()),
            (23.0, Some("years of age")),
            "{text}"
        );
    }
    assert_eq!(one("une peine de 10 ans").unit.as_deref(), Some("ans"));
    let apposition = one("Le brigadier-chef Kévin Clément, 21 ans, du 1er REC.");
    assert_eq!(
        (apposition.value, apposition.unit.as_deref()),
        (21.0, Some("years of age"))
    );
}

#[test]
fn numeral_ordinals_of_a_running_count() {
    for (text, surface) in [
        (
            "He is the 44th French soldier killed in the Sahel since 2013.",
            "44th",
        ),
        ("Il est le 44e soldat français tué au Sahel.", "44e"),
        ("C'est le 44ème militaire français mort au Sahel.", "44ème"),
    ] {
        let f = one(text);
        assert_eq!(
            (f.surface.as_ref(), f.value, f.ordinal),
            (surface, 44.0, true),
            "{text}"
        );
    }
    let du = one("Il s'agit du deuxième soldat français tué en une semaine.");
    assert_eq!((du.value, du.ordinal), (2.0, true));
    // Ranks and regiments count nothing.
    assert!(extract_figures("Le 1er REC et le 2e régiment étranger.").is_empty());
    assert!(extract_figures("a 1st class soldier").is_empty());
}

#[test]
fn french_un_is_an_article_unless_the_text_counts_it() {
    assert!(extract_figures("Un soldat a été tué samedi.").is_empty());
    assert!(extract_figures("Une opération a eu lieu près de Gao.").is_empty());
    assert_eq!(one("au moins un soldat a été tué").value, 1.0);
    let both = values("un mort et trois blessés");
    assert_eq!(both.iter().map(|v| v.1).collect::<Vec<_>>(), [1.0, 3.0]);
    assert_eq!(one("one soldier was killed").value, 1.0);
    assert_eq!(one("vingt et un soldats").value, 21.0);
}

#[test]
fn french_elided_de_before_the_unit() {
    let f = one("une vingtaine d'hommes ont été tués");
    assert_eq!((f.value, f.unit.as_deref()), (20.0, Some("hommes")));
    let typographic = one("une trentaine d’otages");
    assert_eq!(typographic.unit.as_deref(), Some("otages"));
}

#[test]
fn qualifiers_are_kept() {
    let f = one("pledged more than 800 troops");
    assert_eq!(
        (f.value, f.qualifier.as_deref(), f.unit.as_deref()),
        (800.0, Some("more than"), Some("troops"))
    );
    assert_eq!(
        one("plus de 800 soldats").qualifier.as_deref(),
        Some("plus de")
    );
}

#[test]
fn running_counts_but_not_ranks() {
    let figures = extract_figures("The second French soldier killed in three days");
    assert_eq!(figures.len(), 2, "{figures:?}");
    assert!(figures[0].ordinal && (figures[0].value - 2.0).abs() < f64::EPSILON);
    assert_eq!(
        (figures[1].value, figures[1].unit.as_deref()),
        (3.0, Some("days"))
    );
    assert!(extract_figures("the first foreign cavalry regiment").is_empty());
    // A rank among places is no count either.
    assert!(extract_figures("Bobo-Dioulasso, la deuxième ville du pays").is_empty());
    assert!(extract_figures("the second city of the country").is_empty());
    assert!(extract_figures("The 1st class legionnaire of the 1er REC").is_empty());
}

#[test]
fn dates_years_times_and_codes_are_not_figures() {
    for text in [
        "the operation that began in 2014",
        "since 2013",
        "on 5 May",
        "on May 5",
        "at 10:30",
        "the G5 Sahel",
        "an AK-47 rifle",
        "COVID-19",
        "no one was hurt",
        "one of the soldiers",
    ] {
        assert!(
            extract_figures(text).is_empty(),
            "{text}: {:?}",
            extract_figures(text)
        );
    }
}

#[test]
fn counts_after_the_seed_articles_style() {
    assert_eq!(
        values("To date, 43 French soldiers killed in the Sahel."),
        vec![("43".to_owned(), 43.0, Some("soldiers".to_owned()))]
    );
    assert_eq!(
        values("the leaders of the five nations")
            .first()
            .map(|v| v.1),
        Some(5.0)
    );
}

#[test]
fn garbage_does_not_panic() {
    for text in [
        "",
        "-",
        ",,,",
        "1,",
        "1,,000",
        "99999999999999999999999999",
        "et",
        "and and",
        "vingt-",
        "--43--",
    ] {
        let _ = extract_figures(text);
    }
}

proptest::proptest! {
    /// Figures are read from the folded text, but every one points into
    /// the original: its surface is the text's chars at its offsets,
    /// whatever the accents, ligatures and typographic spaces around it.
    #[test]
    fn figures_point_into_the_original_text(
        text in "(?s)[a-zA-Z0-9 ,.'’éÉœŒÀ\u{a0}\u{202f}\u{301}«»–-]{0,60}( (one|deux|forty-three|dozens|a dozen|10,000|5 100|3,5) (soldiers|soldats|km)){0,3}[ a-zé,.0-9]{0,20}"
    ) {
        let chars: Vec<char> = text.chars().collect();
        let mut previous_end = 0;
        for figure in extract_figures(&text) {
            proptest::prop_assert!(figure.start < figure.end && figure.end <= chars.len());
            proptest::prop_assert!(figure.start >= previous_end, "figures overlap: {figure:?}");
            let surface: String = chars[figure.start..figure.end].iter().collect();
            proptest::prop_assert_eq!(&*figure.surface, surface.as_str());
            previous_end = figure.end;
        }
    }
}
