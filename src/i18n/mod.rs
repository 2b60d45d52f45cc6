//! The interface's languages and its one catalogue of messages.
//!
//! Every string the window shows comes from `locales/en.ftl` or
//! `locales/fr.ftl` (Project Fluent, compiled into the binary), looked up by
//! id with [`tr!`](crate::tr). The language is the user's choice, kept for
//! the whole process (the window sets it at start and when the user
//! switches); a thread may speak another one for its own work (tests run
//! both languages side by side, an export names its legend in the language
//! it was asked in).
//!
//! A message missing from French falls back to English, then to its id, so
//! nothing shows empty; a test checks that both files have the same ids and
//! that every id the code uses exists.

use std::cell::Cell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    French,
}

impl Language {
    pub const ALL: [Self; 2] = [Self::English, Self::French];

    /// The language's name in itself, as the language menu lists it.
    #[must_use]
    pub fn endonym(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::French => "Français",
        }
    }

    /// The BCP 47 tag (`en`, `fr`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::French => "fr",
        }
    }

    /// The language of a locale such as `fr_FR.UTF-8` or `fr-CA`: French
    /// for any French locale, English otherwise.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        let language = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("fr") {
            Self::French
        } else {
            Self::English
        }
    }

    /// The system's language (its locale), English if it says nothing.
    #[must_use]
    pub fn of_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |l| Self::from_locale(&l))
    }

    fn code(self) -> u8 {
        match self {
            Self::English => 0,
            Self::French => 1,
        }
    }

    fn from_code(code: u8) -> Self {
        if code == 1 {
            Self::French
        } else {
            Self::English
        }
    }
}

/// The process's language (the user's choice).
static PROCESS_LANGUAGE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A thread's own language, if it speaks another one than the process.
    static THREAD_LANGUAGE: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of the whole process (every thread without its own).
pub fn set_language(language: Language) {
    PROCESS_LANGUAGE.store(language.code(), Ordering::Relaxed);
}

/// Sets (or with `None`, clears) the calling thread's own language.
pub fn set_thread_language(language: Option<Language>) {
    THREAD_LANGUAGE.with(|l| l.set(language));
}

/// The language messages are looked up in on this thread.
#[must_use]
pub fn current() -> Language {
    THREAD_LANGUAGE
        .with(Cell::get)
        .unwrap_or_else(|| Language::from_code(PROCESS_LANGUAGE.load(Ordering::Relaxed)))
}

/// The catalogue's text, one file per language.
pub const ENGLISH_FTL: &str = include_str!("../../locales/en.ftl");
pub const FRENCH_FTL: &str = include_str!("../../locales/fr.ftl");

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language, text: &'static str) -> Bundle {
    let tag: unic_langid::LanguageIdentifier = language
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around arguments: the interface is left to
    // right, and egui's fonts would draw the marks as boxes.
    bundle.set_use_isolating(false);
    // A syntax error in a message loses that message only (the test of the
    // catalogues fails on it); the rest of the file is kept.
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Ids are unique per file (tested); an overriding entry would be a bug
    // the test reports, not a reason to lose the bundle.
    bundle.add_resource_overriding(resource);
    bundle
}

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| {
    [
        bundle(Language::English, ENGLISH_FTL),
        bundle(Language::French, FRENCH_FTL),
    ]
});

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// The message `id` in `language`, with its arguments; English if the
/// language lacks it, the id itself if English does too.
#[must_use]
pub fn text_in(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        fluent
    });
    let [english, french] = &*BUNDLES;
    let own = match language {
        Language::English => english,
        Language::French => french,
    };
    format_in(own, id, args.as_ref())
        .or_else(|| format_in(english, id, args.as_ref()))
        .unwrap_or_else(|| id.to_owned())
}

/// Whether `language`'s catalogue has the message `id` (for ids chosen at
/// run time, which the catalogue's test cannot find in the sources).
#[must_use]
pub fn has_message(language: Language, id: &str) -> bool {
    let [english, french] = &*BUNDLES;
    match language {
        Language::English => english.has_message(id),
        Language::French => french.has_message(id),
    }
}

/// The message `id` in the current language ([`current`]).
#[must_use]
pub fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    text_in(current(), id, args)
}

/// A message of the catalogue in the current language:
/// `tr!("menu-file")`, `tr!("articles-count", count = n)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::arg($value))),+],
        )
    };
}

/// `value` with `places` decimals as the current language writes it: a
/// decimal comma in French ("2,57 km").
///
/// ```
/// use dispatch_atlas::i18n::{Language, decimal_in};
/// assert_eq!(decimal_in(Language::English, 2.566, 2), "2.57");
/// assert_eq!(decimal_in(Language::French, 2.566, 2), "2,57");
/// ```
#[must_use]
pub fn decimal_in(language: Language, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match language {
        Language::English => text,
        Language::French => text.replace('.', ","),
    }
}

/// [`decimal_in`] the current language.
#[must_use]
pub fn decimal(value: f64, places: usize) -> String {
    decimal_in(current(), value, places)
}

/// A message argument: numbers (for plural rules) and text.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

#[cfg(test)]
mod tests;
